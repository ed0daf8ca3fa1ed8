package com.shellguard.connector.adapter.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScpInvocationTest {

    @Test
    void whatOpenSshSendsForScpDashOIsATransfer() {
        ScpInvocation sink = ScpInvocation.of("scp -t /tmp/x").orElseThrow();
        assertTrue(sink.sink());
        assertEquals("scp -t -- /tmp/x", sink.command());
        ScpInvocation source = ScpInvocation.of("scp -v -r -p -f -- dir/*.log").orElseThrow();
        assertFalse(source.sink());
        assertEquals("dir/*.log", source.path());
        assertEquals("scp -rpf -- dir/*.log", source.command());
        assertEquals(".", ScpInvocation.of("scp -t .").orElseThrow().path());
    }

    @Test
    void theHomeAndSingleQuotedPathsAreTakenAsTheShellWouldTakeThem() {
        assertEquals(".bashrc", ScpInvocation.of("scp -t ~/.bashrc").orElseThrow().path());
        assertEquals(".", ScpInvocation.of("scp -t ~").orElseThrow().path());
        assertEquals("a file; with text", ScpInvocation.of("scp -t 'a file; with text'").orElseThrow().path());
    }

    @Test
    void anythingElseIsNoTransferAndRunsAsAnOrdinaryExec() {
        for (String exec : List.of("scp x; exec bash -i", "scp -t x; id", "scp -t $(id)", "scp -t `id`", "scp -t a b",
                "scp -t", "scp x", "scp -t -f x", "scp -x -t x", "scp  -t x", "scp -t x\nid", "scp -t \"x\"",
                "scp -t ~root/x", "scp -t 'x'\\''y'", "scp -t x&", "scp -t x|id", "scp -t -x", "rsync --server . x",
                "scp -t *", "/usr/bin/scp -t x", "SCP -t x")) {
            assertTrue(ScpInvocation.of(exec).isEmpty(), exec);
        }
    }
}
