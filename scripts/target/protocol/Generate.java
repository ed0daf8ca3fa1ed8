import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns protocol.def, the hook protocol's one definition, into each side's form. Run as a single-file program
 * (java Generate.java ...) by the Maven build and by scripts/target/build.sh, so it needs nothing but a JDK:
 * <pre>
 *   java Generate.java DEF java OUTDIR           Java sources of the connector API (CommandField, HelloField, ShellRole,
 *                                                HookTables, HookLimits, ...)
 *   java Generate.java DEF hooks SRCDIR OUTDIR   OUTDIR/hook.bash and hook.zsh: SRCDIR/{bash,zsh}/ with each
 *                                                 {@code @@TABLE SIDE FORMAT@@} replaced by that table's names
 *   java Generate.java DEF c OUTFILE             the C header of the exec guard and the bash lane
 * </pre>
 * FORMAT is {@code words} (shell words, for a for loop), {@code alternatives} ({@code A|B}, a zsh group) or
 * {@code globs} ({@code *A*|*B*}, a bash case pattern). A definition it cannot read, or a token that names no
 * table or side, stops the build with the line at fault.
 */
public final class Generate {

    private static final String PACKAGE = "com.shellguard.connector.api";
    private static final Map<String, String> ENUMS = Map.of("role", "ShellRole", "resolution", "Resolution",
            "flag", "CommandFlag");
    private static final Pattern TOKEN = Pattern.compile("@@([a-z-]+) ([a-z-]+) (words|alternatives|globs)@@");

    record Field(String name, boolean required) {
    }

    record Value(String kind, String wire, String javaName, String text) {
    }

    record Table(String name, List<String> sides, String text, Map<String, Set<String>> bySide) {
    }

    record Limit(String name, long bytes, String text) {
    }

    private final List<String> messages = new ArrayList<>();
    private final List<String> hello = new ArrayList<>();
    private final List<Field> fields = new ArrayList<>();
    private final List<Value> values = new ArrayList<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final List<Limit> limits = new ArrayList<>();
    private final Path def;

    private Generate(Path def) throws IOException {
        this.def = def;
        List<String> lines = Files.readAllLines(def, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("(^|\\s)#.*$", "").strip();
            if (!line.isEmpty()) {
                read(line.split("\\s+"), i + 1);
            }
        }
    }

    private void read(String[] w, int number) {
        String where = def + ":" + number + ": ";
        switch (w[0]) {
            case "message" -> messages.add(one(w, 2, where)[1]);
            case "hello" -> hello.add(one(w, 2, where)[1]);
            case "field" -> {
                one(w, 3, where);
                if (!w[2].equals("required") && !w[2].equals("optional")) {
                    throw new IllegalArgumentException(where + "a field is required or optional, not " + w[2]);
                }
                fields.add(new Field(w[1], w[2].equals("required")));
            }
            case "value" -> {
                if (w.length < 5 || !ENUMS.containsKey(w[1])) {
                    throw new IllegalArgumentException(where + "value KIND WIRE JAVA_NAME TEXT, KIND one of " + ENUMS.keySet());
                }
                values.add(new Value(w[1], w[2].equals("-") ? "" : w[2], w[3], String.join(" ", List.of(w).subList(4, w.length))));
            }
            case "limit" -> {
                if (w.length < 4 || !w[2].matches("[1-9][0-9]{0,9}")) {
                    throw new IllegalArgumentException(where + "limit NAME BYTES TEXT, BYTES a whole number");
                }
                limits.add(new Limit(w[1], Long.parseLong(w[2]), String.join(" ", List.of(w).subList(3, w.length))));
            }
            case "table" -> {
                if (w.length < 4) {
                    throw new IllegalArgumentException(where + "table NAME SIDES TEXT");
                }
                List<String> sides = List.of(w[2].split(","));
                Map<String, Set<String>> bySide = new LinkedHashMap<>();
                sides.forEach(side -> bySide.put(side, new LinkedHashSet<>()));
                tables.put(w[1], new Table(w[1], sides, String.join(" ", List.of(w).subList(3, w.length)), bySide));
            }
            default -> {
                Table table = tables.get(w[0]);
                if (table == null || w.length < 3) {
                    throw new IllegalArgumentException(where + "no table " + w[0] + " declared before its entries");
                }
                for (String side : w[1].split(",")) {
                    Set<String> names = table.bySide().get(side);
                    if (names == null) {
                        throw new IllegalArgumentException(where + "table " + w[0] + " has no side " + side);
                    }
                    names.addAll(List.of(w).subList(2, w.length));
                }
            }
        }
    }

    private static String[] one(String[] w, int length, String where) {
        if (w.length != length) {
            throw new IllegalArgumentException(where + "expected " + length + " words: " + String.join(" ", w));
        }
        return w;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: Generate DEF java OUTDIR | DEF hooks SRCDIR OUTDIR | DEF c OUTFILE");
        }
        Generate g = new Generate(Path.of(args[0]));
        switch (args[1]) {
            case "java" -> g.java(Path.of(args[2]));
            case "hooks" -> {
                Path out = Path.of(args[3]);
                g.splice(Path.of(args[2], "bash", "hook.bash"), out.resolve("hook.bash"));
                g.splice(Path.of(args[2], "zsh", "hook.zsh"), out.resolve("hook.zsh"));
            }
            case "c" -> write(Path.of(args[2]), g.header());
            default -> throw new IllegalArgumentException("no output " + args[1] + ": java, hooks or c");
        }
    }

    private static void write(Path file, String text) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        if (!Files.exists(file) || !Files.readString(file).equals(text)) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }

    private String generatedBy() {
        return "Generated from scripts/target/protocol/protocol.def by Generate.java: change that file, not this one.";
    }

    // --- the hooks ------------------------------------------------------------------------------------------

    private void splice(Path source, Path out) throws IOException {
        List<String> result = new ArrayList<>();
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = TOKEN.matcher(line);
            StringBuilder spliced = new StringBuilder();
            while (m.find()) {
                Set<String> names = names(m.group(1), m.group(2), source + ":" + (i + 1));
                m.appendReplacement(spliced, Matcher.quoteReplacement(switch (m.group(3)) {
                    case "words" -> names.stream().map(Generate::shellWord).collect(Collectors.joining(" "));
                    case "alternatives" -> String.join("|", names);
                    default -> names.stream().map(n -> "*" + n + "*").collect(Collectors.joining("|"));
                }));
            }
            m.appendTail(spliced);
            if (spliced.indexOf("@@") >= 0) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": a token Generate cannot read: " + line);
            }
            result.add(spliced.toString().equals(line) ? line : wrap(spliced.toString()));
        }
        write(out, String.join("\n", result) + "\n");
    }

    private Set<String> names(String table, String side, String where) {
        Table t = tables.get(table);
        if (t == null || !t.bySide().containsKey(side)) {
            throw new IllegalArgumentException(where + ": no table " + table + " for side " + side);
        }
        return t.bySide().get(side);
    }

    /** A long for-loop list is continued on the next line, as the hand-written tables were. */
    private static String wrap(String line) {
        if (line.length() <= 120 || !line.stripLeading().startsWith("for ")) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        int width = 0;
        for (String word : line.split(" ", -1)) {
            if (width > 0 && width + word.length() > 110) {
                out.append("\\\n    ");
                width = 4;
            }
            out.append(word).append(' ');
            width += word.length() + 1;
        }
        return out.substring(0, out.length() - 1);
    }

    private static String shellWord(String name) {
        return name.matches("[A-Za-z0-9_.:+/-]+") ? name : "'" + name + "'";
    }

    // --- Java -----------------------------------------------------------------------------------------------

    private void java(Path outDir) throws IOException {
        Path dir = outDir.resolve(PACKAGE.replace('.', '/'));
        write(dir.resolve("CommandField.java"), commandField());
        write(dir.resolve("HelloField.java"), helloField());
        for (Map.Entry<String, String> e : ENUMS.entrySet()) {
            write(dir.resolve(e.getValue() + ".java"), valueEnum(e.getKey(), e.getValue()));
        }
        write(dir.resolve("HookTables.java"), hookTables());
        write(dir.resolve("HookLimits.java"), hookLimits());
    }

    private String hookLimits() {
        StringBuilder s = new StringBuilder("package " + PACKAGE + ";\n\n");
        s.append("/**\n * The sizes every side of the hook protocol keeps to, in bytes.\n * ").append(generatedBy()).append("\n */\n");
        s.append("public final class HookLimits {\n\n");
        for (Limit l : limits) {
            s.append("    /** ").append(l.text()).append(" */\n");
            s.append("    public static final int ").append(constant(l.name())).append(" = ").append(l.bytes()).append(";\n\n");
        }
        s.append("    private HookLimits() {\n    }\n}\n");
        return s.toString();
    }

    private String commandField() {
        StringBuilder s = new StringBuilder("package " + PACKAGE + ";\n\n");
        s.append("/**\n * The command fields of the hook's Q and R messages, in the order the hooks send them (PROTOCOL.md).\n")
                .append(" * ").append(generatedBy()).append("\n */\n");
        s.append("public enum CommandField {\n");
        s.append(fields.stream().map(f -> "    " + constant(f.name()) + "(" + f.required() + ")").collect(Collectors.joining(",\n")));
        s.append(";\n\n");
        long required = fields.stream().filter(Field::required).count();
        s.append("    /** How many fields every Q and R has, its type letter included. */\n");
        s.append("    public static final int REQUIRED = ").append(required + 1).append(";\n\n");
        s.append("    private final boolean required;\n\n");
        s.append("    CommandField(boolean required) {\n        this.required = required;\n    }\n\n");
        s.append("    /** The field's index in the message split at US: the type letter is 0. */\n");
        s.append("    public int position() {\n        return ordinal() + 1;\n    }\n\n");
        s.append("    /** Whether every hook sends it; an optional field may be missing at the end of a message. */\n");
        s.append("    public boolean required() {\n        return required;\n    }\n}\n");
        return s.toString();
    }

    private String helloField() {
        return "package " + PACKAGE + ";\n\n/**\n * The fields of the hello (H), every hook connection's first message, in the order the hooks send them.\n * "
                + generatedBy() + "\n */\npublic enum HelloField {\n"
                + hello.stream().map(h -> "    " + constant(h)).collect(Collectors.joining(",\n")) + ";\n\n"
                + "    /** The field's index in the message split at US: the type letter is 0. */\n"
                + "    public int position() {\n        return ordinal() + 1;\n    }\n}\n";
    }

    private String valueEnum(String kind, String type) {
        List<Value> of = values.stream().filter(v -> v.kind().equals(kind)).toList();
        StringBuilder s = new StringBuilder("package " + PACKAGE + ";\n\nimport java.util.Optional;\n\n");
        s.append("/**\n * The hook protocol's ").append(kind).append(" values, as sent in the command field ")
                .append(kind.equals("flag") ? "flags (letters, several in one field)" : kind).append(".\n * ")
                .append(generatedBy()).append("\n */\n");
        s.append("public enum ").append(type).append(" {\n");
        s.append(of.stream().map(v -> "    /** " + v.text() + " */\n    " + v.javaName() + "(\"" + v.wire() + "\")")
                .collect(Collectors.joining(",\n")));
        s.append(";\n\n    private final String wire;\n\n");
        s.append("    ").append(type).append("(String wire) {\n        this.wire = wire;\n    }\n\n");
        s.append("    /** As the hooks send it. */\n    public String wire() {\n        return wire;\n    }\n\n");
        s.append("    /** The value the hooks send as {@code wire}; empty for anything else. */\n");
        s.append("    public static Optional<").append(type).append("> of(String wire) {\n");
        s.append("        for (").append(type).append(" v : values()) {\n            if (v.wire.equals(wire)) {\n")
                .append("                return Optional.of(v);\n            }\n        }\n        return Optional.empty();\n    }\n}\n");
        return s.toString();
    }

    private String hookTables() {
        StringBuilder s = new StringBuilder("package " + PACKAGE + ";\n\nimport java.util.Set;\n\n");
        s.append("/**\n * The name tables the hooks and the gateway's analysis share, the gateway's side of each.\n * ")
                .append(generatedBy()).append("\n */\n");
        s.append("public final class HookTables {\n\n");
        for (Table t : tables.values()) {
            Set<String> names = t.bySide().get("java");
            if (names == null) {
                continue;
            }
            s.append("    /** ").append(t.text()).append(" */\n");
            s.append("    public static final Set<String> ").append(constant(t.name())).append(" = Set.of(")
                    .append(names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "))).append(");\n\n");
        }
        s.append("    private HookTables() {\n    }\n}\n");
        return s.toString();
    }

    private static String constant(String name) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    // --- C --------------------------------------------------------------------------------------------------

    private String header() {
        StringBuilder s = new StringBuilder("/* The hook protocol for the exec guard and the bash lane. ").append(generatedBy())
                .append(" */\n#ifndef SG_PROTOCOL_H\n#define SG_PROTOCOL_H\n\n");
        s.append("#define SG_US '\\x1f'\n#define SG_RS '\\x1e'\n#define SG_US_S \"\\x1f\"\n\n");
        s.append("/* The fields of H, in the order they are sent after the type letter. */\nenum sg_hello {\n");
        s.append(hello.stream().map(h -> "  SG_H_" + constant(h)).collect(Collectors.joining(",\n")));
        s.append(",\n  SG_HELLO_FIELDS\n};\n\n");
        s.append("/* The command fields of Q and R, in the order they are sent after the type letter. */\nenum sg_field {\n");
        s.append(fields.stream().map(f -> "  SG_F_" + constant(f.name())).collect(Collectors.joining(",\n")));
        s.append(",\n  SG_FIELDS\n};\n");
        s.append("#define SG_REQUIRED_FIELDS ").append(fields.stream().filter(Field::required).count()).append("\n\n");
        for (Limit l : limits) {
            s.append("/* ").append(l.text()).append(" */\n#define SG_LIMIT_").append(constant(l.name())).append(' ')
                    .append(l.bytes()).append("\n");
        }
        s.append('\n');
        for (Value v : values) {
            s.append("#define SG_").append(constant(v.kind())).append('_').append(v.javaName()).append(" \"").append(v.wire())
                    .append("\"\n");
        }
        s.append("\n#endif\n");
        return s.toString();
    }
}
