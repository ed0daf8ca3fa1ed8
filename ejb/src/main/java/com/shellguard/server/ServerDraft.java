package com.shellguard.server;

import java.util.List;
import java.util.Set;

/**
 * What a caller asks a server entry to be; null means "not given" (default on create, unchanged on update).
 *
 * @param hostKey  the pinned keys as one text: a key, several lines, or {@code ssh-keyscan} output; blank forgets them
 * @param hostKeys the pinned keys one per element, each a key or an {@code ssh-keyscan} line; empty forgets them
 */
public record ServerDraft(String name, String host, Integer port, String hostKey, List<String> hostKeys, Set<String> labels,
                          String description) {
}
