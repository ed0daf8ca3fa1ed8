/**
 * Moving bytes between the user's channel and the target's channel without a thread per stream.
 *
 * <p>Both sides use MINA's asynchronous streams: a read completes when data has arrived, the write of
 * that data completes when the peer's window took it, and only then is the next read issued. The SSH
 * windows of both connections therefore carry the back-pressure end to end, and a thousand idle
 * sessions cost no threads. A tap on the stream (the recording) takes part in the same back-pressure: while
 * its queue is full the pump issues no read, so a slow recording slows its session and blocks no thread.
 */
package com.shellguard.connector.adapter.relay;
