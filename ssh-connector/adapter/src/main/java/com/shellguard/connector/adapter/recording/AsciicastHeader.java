package com.shellguard.connector.adapter.recording;

import java.util.Map;

/**
 * The first line of an asciicast v2 file: terminal size, start time (Unix seconds), the environment a player
 * shows (TERM, SHELL), a title ({@code user@login@server}) and, for an exec session, the command it ran.
 */
public record AsciicastHeader(int width, int height, long timestamp, Map<String, String> env, String title,
                              String command) {

    public AsciicastHeader {
        env = Map.copyOf(env);
    }
}
