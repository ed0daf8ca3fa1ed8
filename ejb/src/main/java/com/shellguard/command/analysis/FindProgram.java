package com.shellguard.command.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code find}: {@code -exec}, {@code -execdir}, {@code -ok} and {@code -okdir} run a command up to {@code ;} (or
 * {@code {} +}); {@code -delete} deletes without any program a rule could name, so it is reported as the
 * invocation {@code find -delete} with the starting points as its arguments. Predicates that take an argument
 * are skipped with it, so that {@code -name -delete} is not taken for the action.
 */
final class FindProgram implements Wrapper {

    static final String DELETE = "find -delete";

    private static final Set<String> ACTIONS = Set.of("-exec", "-execdir", "-ok", "-okdir");
    private static final Set<String> LEADING_OPTIONS = Set.of("-H", "-L", "-P");
    private static final Set<String> WITH_ARGUMENT = Set.of("-name", "-iname", "-path", "-ipath", "-wholename",
        "-iwholename", "-regex", "-iregex", "-lname", "-ilname", "-type", "-xtype", "-user", "-group", "-uid", "-gid",
        "-perm", "-size", "-links", "-inum", "-samefile", "-newer", "-anewer", "-cnewer", "-atime", "-ctime", "-mtime",
        "-amin", "-cmin", "-mmin", "-used", "-maxdepth", "-mindepth", "-fstype", "-context", "-printf", "-fprint",
        "-fprint0", "-fls", "-regextype", "-files0-from");

    @Override
    public List<Wrapped> unwrap(Launch launch) {
        List<String> args = launch.args();
        int i = 0;
        while (i < args.size() && (LEADING_OPTIONS.contains(args.get(i)) || args.get(i).startsWith("-O") || args.get(i).equals("-D"))) {
            i += args.get(i).equals("-D") ? 2 : 1;
        }
        List<String> startingPoints = new ArrayList<>();
        while (i < args.size() && !isExpression(args.get(i))) {
            startingPoints.add(args.get(i++));
        }
        List<Wrapped> run = new ArrayList<>();
        while (i < args.size()) {
            String arg = args.get(i++);
            if (ACTIONS.contains(arg)) {
                int end = endOfCommand(args, i);
                if (end > i) {
                    run.add(Wrapped.Program.of("find " + arg, args.subList(i, end)));
                }
                i = end + 1;
            } else if (arg.equals("-delete")) {
                List<String> argv = new ArrayList<>();
                argv.add(DELETE);
                argv.addAll(startingPoints);
                run.add(Wrapped.Program.of("find", argv));
            } else if (WITH_ARGUMENT.contains(arg) || arg.startsWith("-newer")) {
                i++;
            } else if (arg.equals("-fprintf")) {
                i += 2;
            }
        }
        return run;
    }

    private static boolean isExpression(String arg) {
        return arg.startsWith("-") && arg.length() > 1 || arg.equals("(") || arg.equals("!") || arg.equals(")") || arg.equals(",");
    }

    /** The index of the {@code ;} (or the {@code +} after {@code {}}) that ends a command, or the end of the arguments. */
    private static int endOfCommand(List<String> args, int from) {
        for (int j = from; j < args.size(); j++) {
            if (args.get(j).equals(";") || args.get(j).equals("+") && j > from && args.get(j - 1).equals("{}")) {
                return j;
            }
        }
        return args.size();
    }
}
