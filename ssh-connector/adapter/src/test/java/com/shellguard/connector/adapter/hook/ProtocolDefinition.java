package com.shellguard.connector.adapter.hook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * scripts/target/protocol/protocol.def as the tests read it, on their own (not through the generator), so that
 * whatever the generator made of it is checked against the file itself.
 */
record ProtocolDefinition(List<String> hello, List<String> fields, Map<String, List<String>> values, Map<String, Map<String, Set<String>>> tables,
                          Map<String, Long> limits) {

    static final Path FILE = Path.of("../../scripts/target/protocol/protocol.def");

    static ProtocolDefinition read() {
        List<String> hello = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, Map<String, Set<String>>> tables = new LinkedHashMap<>();
        Map<String, Long> limits = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(FILE)) {
                String[] w = line.replaceFirst("(^|\\s)#.*$", "").strip().split("\\s+");
                switch (w[0]) {
                    case "", "message" -> { }
                    case "hello" -> hello.add(w[1]);
                    case "field" -> fields.add(w[1]);
                    case "limit" -> limits.put(w[1], Long.parseLong(w[2]));
                    case "value" -> values.computeIfAbsent(w[1], k -> new ArrayList<>()).add(w[2].equals("-") ? "" : w[2]);
                    case "table" -> {
                        Map<String, Set<String>> sides = new LinkedHashMap<>();
                        for (String side : w[2].split(",")) {
                            sides.put(side, new LinkedHashSet<>());
                        }
                        tables.put(w[1], sides);
                    }
                    default -> {
                        for (String side : w[1].split(",")) {
                            tables.get(w[0]).get(side).addAll(List.of(w).subList(2, w.length));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProtocolDefinition(hello, fields, values, tables, limits);
    }

    /** The names of a table for one side; empty when the side does not use it. */
    Set<String> names(String table, String side) {
        return tables.get(table).getOrDefault(side, Set.of());
    }
}
