package com.shellguard.server;

import java.util.Set;

/** What a caller asks a server entry to be; null means "not given" (default on create, unchanged on update). */
public record ServerDraft(String name, String host, Integer port, String hostKey, Set<String> labels, String description) {
}
