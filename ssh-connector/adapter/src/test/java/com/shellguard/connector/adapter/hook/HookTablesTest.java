package com.shellguard.connector.adapter.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.shellguard.connector.api.CommandField;
import com.shellguard.connector.api.CommandFlag;
import com.shellguard.connector.api.HelloField;
import com.shellguard.connector.api.HookLimits;
import com.shellguard.connector.api.HookTables;
import com.shellguard.connector.api.Resolution;
import com.shellguard.connector.api.ShellRole;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every side holds the tables protocol.def gives it: the gateway's generated Java, and the packaged bash and zsh
 * hooks as the shells themselves load them.
 */
class HookTablesTest {

    private static final String ARRAYS = "harmless guarded protected wrapper shells";

    private final ProtocolDefinition def = ProtocolDefinition.read();

    @TempDir
    Path tmp;

    @Test
    void theGatewayHasEveryTableOfItsSideAndNoOther() throws IllegalAccessException {
        Map<String, Object> generated = new HashMap<>();
        for (Field f : HookTables.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                generated.put(f.getName(), f.get(null));
            }
        }
        Map<String, Object> expected = new HashMap<>();
        def.tables().forEach((name, sides) -> {
            if (sides.containsKey("java")) {
                expected.put(name.toUpperCase(Locale.ROOT).replace('-', '_'), sides.get("java"));
            }
        });
        assertEquals(expected, generated);
    }

    @Test
    void theGatewayReadsMessagesUpToTheDefinitionsLimit() {
        assertEquals(Map.of("message", (long) HookLimits.MESSAGE), def.limits());
        assertEquals(HookLimits.MESSAGE, HookConnection.MAX_MESSAGE);
    }

    @Test
    void theTypedFieldsAndValuesAreTheDefinitions() {
        assertEquals(def.hello(), Stream.of(HelloField.values()).map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
        assertEquals(def.fields(), Stream.of(CommandField.values()).map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
        assertEquals(def.values().get("role"), Stream.of(ShellRole.values()).map(ShellRole::wire).toList());
        assertEquals(def.values().get("resolution"), Stream.of(Resolution.values()).map(Resolution::wire).toList());
        assertEquals(def.values().get("flag"), Stream.of(CommandFlag.values()).map(CommandFlag::wire).toList());
    }

    @Test
    void thePackagedBashHookLoadsTheDefinitionsBashTables() throws IOException {
        Path session = TargetSide.session(tmp, 1);
        // interactive, so that the hook loads without arming itself (rc.bash arms an interactive shell)
        String out = TargetSide.run(session, Map.of(), List.of("bash", "--norc", "--noprofile", "-i", "-c",
                ". ./hook.bash; for t in " + ARRAYS + "; do declare -n a=__sg_$t; "
                        + "echo \"$t ${!a[*]}\"; done; echo stand-in $(declare -F bash sh dash)"));
        assertTables("bash", out, pattern(session.resolve("hook.bash"), "    *__sg_*|", ")"));
    }

    @Test
    void thePackagedZshHookLoadsTheDefinitionsZshTables() throws IOException {
        assumeTrue(TargetSide.installed("zsh"), "zsh is not installed (scripts/test.sh installs it)");
        Path session = TargetSide.session(tmp, 1);
        String out = TargetSide.run(session, Map.of(), List.of("zsh", "-f", "-c",
                "source ./hook.zsh; for t in " + ARRAYS + "; do print -r -- \"$t ${(k)${(P)${:-__sg_$t}}}\"; done; "
                        + "print -r -- \"stand-in ${(k)functions[(I)(bash|sh|dash)]}\""));
        assertTables("zsh", out, pattern(session.resolve("hook.zsh"), "*(__sg_|__SG_|", ")*"));
    }

    /**
     * The tables a hook printed (lines "array name name ...", its associative arrays __sg_ARRAY and its stand-in
     * functions), and the names of its text test, against the definition's for that shell.
     */
    private void assertTables(String shell, String out, Set<String> textTest) {
        Map<String, Set<String>> tables = out.lines().map(l -> l.split(" ")).collect(Collectors.toMap(w -> w[0],
                w -> new TreeSet<>(Arrays.asList(w).subList(1, w.length))));
        assertEquals(def.names("harmless", shell), tables.get("harmless"));
        assertEquals(def.names("guarded", shell), tables.get("guarded"));
        assertEquals(def.names("variable", shell + "-assign"), tables.get("protected"));
        assertEquals(def.names("wrapper", shell), tables.get("wrapper"));
        assertEquals(def.names("shell", shell), tables.get("shells"));
        assertEquals(def.names("stand-in", shell), tables.get("stand-in"));
        assertEquals(def.names("variable", shell + "-text"), textTest);
    }

    /** The names of the pattern that starts with start on a line of the hook, up to end: NAME, *NAME* or (NAME|...). */
    private static Set<String> pattern(Path hook, String start, String end) throws IOException {
        String line = Files.readAllLines(hook).stream().filter(l -> l.contains(start)).findFirst().orElseThrow();
        String names = line.substring(line.indexOf(start) + start.length());
        names = names.substring(0, names.indexOf(end));
        return Arrays.stream(names.split("\\|")).map(n -> n.replace("*", "")).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
