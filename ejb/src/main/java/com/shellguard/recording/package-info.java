/**
 * Reading session recordings: the asciicast v2 files the connector writes as sessions run, whole or as the
 * part added since a given offset, so a live view can follow a running session.
 *
 * <p>A recording is a file on the node that relayed the session; with several nodes the recordings
 * directory belongs on storage every node mounts, or a node serves only the sessions it relayed.
 */
package com.shellguard.recording;
