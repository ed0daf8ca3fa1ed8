package com.shellguard.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The target account's own startup files get an alias, a function and a variable, so tests can see that a
 * hooked shell ran them before the hook armed, as a plain login would.
 */
final class StartupFiles {

    private static final String MARK = "# shellguard tests: defined by the user's own startup file";

    private StartupFiles() {
    }

    static synchronized void ensure() throws IOException {
        Path bashrc = Path.of("/home/" + TargetServer.LOGIN + "/.bashrc");
        if (Files.exists(bashrc) && Files.readString(bashrc).contains(MARK)) {
            return;
        }
        Files.writeString(bashrc, "\n" + MARK + "\nalias sgalias='echo alias-from-bashrc'\n"
                + "sgfunc() { echo function-from-bashrc; }\nexport SG_RC_MARK=from-bashrc\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
