package com.shellguard.command.analysis;

import java.util.List;

/** A program or builtin that runs other commands named in its arguments, and knows how to find them there. */
interface Wrapper {

    /** What this launch of the wrapper runs; empty when its arguments name no command. Never throws. */
    List<Wrapped> unwrap(Launch launch);
}
