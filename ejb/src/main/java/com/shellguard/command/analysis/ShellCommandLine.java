package com.shellguard.command.analysis;

import java.util.List;
import java.util.Optional;

/**
 * How a shell is started, read from its arguments: the command string it runs, whether it is interactive, and
 * the switches that keep it from loading the hook. One reading serves both what the shell runs and whether the
 * hook follows it.
 *
 * @param family              the kind of shell
 * @param name                its file name
 * @param code                the command string ({@code -c}), if any
 * @param interactive         whether it reads commands from the user: {@code -i}, or neither {@code -c} nor a script
 *                            ({@code -s} reads standard input)
 * @param posix               {@code --posix} or {@code -o posix}: bash then reads neither {@code BASH_ENV} nor its rc file
 * @param privileged          {@code -p} or {@code -o privileged}: bash then skips {@code BASH_ENV}
 * @param withoutStartupFiles zsh {@code -f}, {@code -d}, {@code --no-rcs}, {@code -o no_rcs}: zsh skips the files that load the hook
 * @param otherStartupFile    bash {@code --rcfile}, {@code --init-file}, {@code --norc}: not the hook's rc file
 * @param login               {@code -l}, {@code --login}: an interactive bash then reads the profile, not the hook's rc file
 */
record ShellCommandLine(ShellFamily family, String name, Optional<String> code, boolean interactive, boolean posix,
                        boolean privileged, boolean withoutStartupFiles, boolean otherStartupFile, boolean login) {

    static ShellCommandLine parse(ShellFamily family, String name, List<String> args) {
        boolean command = false;
        boolean forcedInteractive = false;
        boolean stdin = false;
        boolean posix = false;
        boolean privileged = false;
        boolean noRcs = false;
        boolean otherRc = false;
        boolean login = false;
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i++);
            if (arg.equals("--") || arg.equals("-")) {
                break;
            }
            if (arg.startsWith("--")) {
                String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                switch (option) {
                    case "--posix" -> posix = true;
                    case "--norc" -> otherRc = true;
                    case "--rcfile", "--init-file" -> {
                        otherRc = true;
                        i += arg.contains("=") ? 0 : 1;
                    }
                    case "--login" -> login = true;
                    case "--interactive" -> forcedInteractive = true;
                    case "--command" -> command = true;
                    case "--emulate" -> i += arg.contains("=") ? 0 : 1;
                    default -> {
                        ShellOption zshOption = ShellOption.of(option.substring(2), true);
                        noRcs |= !zshOption.on() && zshOption.name().endsWith("rcs");
                    }
                }
                continue;
            }
            if (arg.length() < 2 || arg.charAt(0) != '-' && arg.charAt(0) != '+') {
                i--;
                break;
            }
            boolean on = arg.charAt(0) == '-';
            for (char letter : arg.substring(1).toCharArray()) {
                switch (letter) {
                    case 'c' -> command |= on;
                    case 'i' -> forcedInteractive |= on;
                    case 's' -> stdin |= on;
                    case 'l' -> login |= on;
                    case 'p' -> privileged |= on && family != ShellFamily.ZSH;
                    case 'f', 'd' -> noRcs |= on && family == ShellFamily.ZSH;
                    case 'o' -> {
                        if (i < args.size()) {
                            ShellOption option = ShellOption.of(args.get(i++), on);
                            posix |= option.on() && option.name().equals("posix");
                            privileged |= option.on() && option.name().equals("privileged");
                            noRcs |= !option.on() && option.name().endsWith("rcs");
                        }
                    }
                    case 'O' -> i++;
                    default -> {
                    }
                }
            }
        }
        List<String> operands = args.subList(Math.min(i, args.size()), args.size());
        Optional<String> code = command && !operands.isEmpty() ? Optional.of(operands.get(0)) : Optional.empty();
        boolean interactive = forcedInteractive || !command && (stdin || operands.isEmpty());
        return new ShellCommandLine(family, name, code, interactive, posix, privileged, noRcs, otherRc, login);
    }

    /** Whether the hook's stand-in function runs this shell (it then starts a hooked bash). */
    boolean reachesStandIn(StartedAs startedAs, boolean hookedShell) {
        return startedAs == StartedAs.STAND_IN || startedAs == StartedAs.NAME && hookedShell && HookNames.isStandIn(name);
    }

    /** Whether the shell comes up with the hook armed, started this way. */
    boolean keepsHook(StartedAs startedAs, HookVariables variables, boolean hookedShell) {
        if (variables != HookVariables.KEPT) {
            return false;
        }
        boolean standIn = reachesStandIn(startedAs, hookedShell);
        boolean hookedWhenInteractive = standIn && !otherStartupFile && !login;
        return switch (family) {
            case BASH -> !posix && (interactive ? hookedWhenInteractive : !privileged);
            case SH -> standIn && !posix && (interactive ? hookedWhenInteractive : !privileged);
            case ZSH -> !withoutStartupFiles;
            case OTHER -> false;
        };
    }
}
