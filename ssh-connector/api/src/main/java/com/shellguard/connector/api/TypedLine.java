package com.shellguard.connector.api;

import java.io.Serializable;

/** A line as the user typed, pasted or recalled it at an interactive prompt, before any expansion. */
public record TypedLine(String sessionId, String lineId, String text, long timeMicros) implements Serializable {
}
