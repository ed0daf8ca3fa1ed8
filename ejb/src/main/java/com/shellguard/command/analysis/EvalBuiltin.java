package com.shellguard.command.analysis;

import java.util.List;

/** {@code eval}: joins its arguments and runs them as code in the same shell, hooked as that shell is. */
final class EvalBuiltin implements Wrapper {

    @Override
    public List<Wrapped> unwrap(Launch launch) {
        List<String> args = launch.args();
        List<String> code = !args.isEmpty() && args.get(0).equals("--") ? args.subList(1, args.size()) : args;
        return code.isEmpty() ? List.of() : List.of(new Wrapped.Code("eval", String.join(" ", code), launch.hookedShell()));
    }
}
