package com.shellguard.connector.adapter.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PrivilegedTierTest {

    @Test
    void rootRunsCommandsItselfAndAnyOtherPrivilegedLoginThroughSudoThatNeverAsks() {
        assertEquals("exec /bin/sh -s", PrivilegedTier.of("alice", "root").asRoot("/bin/sh -s"));
        assertEquals("exec sudo -n /bin/sh -s", PrivilegedTier.of("alice", "admin").asRoot("/bin/sh -s"));
    }

    @Test
    void theSftpCommandIsOneShellTextThatRefusesAnUnknownLoginWithAClearWord() throws Exception {
        String command = PrivilegedTier.of("no-such-login-sg", "root").sftpCommand();
        assertTrue(command.startsWith("exec /bin/sh -c '"), command);
        Result r = run(command);
        assertEquals(255, r.status(), r.err());
        assertEquals("shellguard: no login no-such-login-sg on this server", r.err().strip());
    }

    private record Result(int status, String err) {
    }

    /** Runs the channel command as sshd would: through a shell's -c. */
    private static Result run(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", command).start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return new Result(p.exitValue(), err);
    }
}
