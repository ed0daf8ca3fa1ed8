/**
 * Session recording: every shell and exec session's output, resizes and the hook's commands, written as it
 * happens in asciicast v2 (the asciinema format) to one file per session under the node's recordings
 * directory.
 *
 * <p>Why in the connector: only the relay sees the bytes, and sending them through the application would put
 * a transaction on every chunk of output. The files are plain text a player (asciinema, or the console's live
 * view) reads directly; the application only serves them.
 */
package com.shellguard.connector.adapter.recording;
