package com.shellguard.connector.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/** Reads the compiled adapter with the JDK's jdeps, so the layout the package docs describe is checked. */
class PackageDependenciesTest {

    private static final String ADAPTER = "com.shellguard.connector.adapter";
    private static final Pattern EDGE = Pattern.compile("^\\s+(" + Pattern.quote(ADAPTER) + "[\\w.]*)\\s+->\\s+("
            + Pattern.quote(ADAPTER) + "[\\w.]*)\\s");

    @Test
    void theAdapterPackagesDependOnEachOtherInOneDirectionOnly() {
        Map<String, Set<String>> uses = packageDependencies();
        assertFalse(uses.isEmpty(), "jdeps found no dependencies between adapter packages");
        List<String> cycle = findCycle(uses);
        assertEquals(List.of(), cycle, "package cycle");
    }

    private static Map<String, Set<String>> packageDependencies() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        String classes = Path.of(PackageDependenciesTest.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .resolveSibling("classes").toString();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-filter:none", classes);
        assertEquals(0, status, out.toString());
        Map<String, Set<String>> uses = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find() && !edge.group(1).equals(edge.group(2))) {
                uses.computeIfAbsent(edge.group(1), k -> new TreeSet<>()).add(edge.group(2));
            }
        }
        return uses;
    }

    /** A cycle as the list of its packages, or an empty list. */
    private static List<String> findCycle(Map<String, Set<String>> uses) {
        Set<String> done = new HashSet<>();
        for (String start : uses.keySet()) {
            Deque<String> path = new ArrayDeque<>();
            List<String> cycle = visit(start, uses, path, done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(String pkg, Map<String, Set<String>> uses, Deque<String> path, Set<String> done) {
        if (path.contains(pkg)) {
            List<String> cycle = new ArrayList<>(path);
            java.util.Collections.reverse(cycle);
            cycle = new ArrayList<>(cycle.subList(cycle.indexOf(pkg), cycle.size()));
            cycle.add(pkg);
            return cycle;
        }
        if (!done.add(pkg)) {
            return List.of();
        }
        path.push(pkg);
        for (String next : uses.getOrDefault(pkg, Set.of())) {
            List<String> cycle = visit(next, uses, path, done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.pop();
        return List.of();
    }
}
