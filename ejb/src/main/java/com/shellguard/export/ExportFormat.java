package com.shellguard.export;

/**
 * How an event is written: {@code RFC5424}, a syslog line whose structured data carries the event's fields; or
 * {@code JSON}, the event as one JSON object (a webhook's body, or a syslog line's MSG).
 */
public enum ExportFormat {
    RFC5424, JSON
}
