package com.shellguard.command.analysis;

import java.util.List;
import java.util.Set;

/**
 * {@code crontab}, {@code at} and {@code batch}: they hand commands to a daemon that runs them later, outside the
 * session, where neither hook nor guard is. The commands come from a file, standard input or an editor, none of
 * which the gateway can read from the command text, so installing them is {@link Wrapped.Unseen}; the forms that
 * only list, show or remove what is scheduled ({@code crontab -l}, {@code crontab -r}, {@code at -l},
 * {@code at -c}, {@code at -r}) schedule nothing.
 */
final class ScheduledProgram implements Wrapper {

    static final ScheduledProgram CRONTAB = new ScheduledProgram(Set.of('l', 'r', 'V'), Set.of('u'));
    static final ScheduledProgram AT = new ScheduledProgram(Set.of('l', 'r', 'd', 'c', 'V'), Set.of('f', 'q', 't'));

    private final Set<Character> schedulingNothing;
    private final Set<Character> withArgument;

    private ScheduledProgram(Set<Character> schedulingNothing, Set<Character> withArgument) {
        this.schedulingNothing = schedulingNothing;
        this.withArgument = withArgument;
    }

    @Override
    public List<Wrapped> unwrap(Launch launch) {
        if (launch.name().equals("batch")) {
            return List.of(new Wrapped.Unseen(launch.name()));
        }
        List<String> args = launch.args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--") || arg.length() < 2 || arg.charAt(0) != '-' || arg.startsWith("--")) {
                break;
            }
            for (int k = 1; k < arg.length(); k++) {
                char letter = arg.charAt(k);
                if (schedulingNothing.contains(letter)) {
                    return List.of();
                }
                if (withArgument.contains(letter)) {
                    if (k == arg.length() - 1) {
                        i++;
                    }
                    break;
                }
            }
        }
        return List.of(new Wrapped.Unseen(launch.name()));
    }
}
