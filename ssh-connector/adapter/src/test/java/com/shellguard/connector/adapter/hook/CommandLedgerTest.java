package com.shellguard.connector.adapter.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.shellguard.connector.adapter.hook.CommandLedger.Completion;
import org.junit.jupiter.api.Test;

class CommandLedgerTest {

    private final CommandLedger ledger = new CommandLedger();

    @Test
    void aReportedCommandIsCompletedOnceByItsOwnProcess() {
        ledger.opened("100.1");
        assertEquals(Completion.ACCEPTED, ledger.complete("100", "100.1"));
        assertEquals(Completion.CLOSED, ledger.complete("100", "100.1"));
    }

    @Test
    void anotherProcessCannotCompleteACommand() {
        ledger.opened("100.1");
        assertEquals(Completion.FOREIGN, ledger.complete("200", "100.1"));
        assertEquals(Completion.ACCEPTED, ledger.complete("100", "100.1"));
    }

    @Test
    void aRefusedCommandGetsNoStatus() {
        ledger.opened("100.2");
        ledger.refused("100.2");
        assertEquals(Completion.CLOSED, ledger.complete("100", "100.2"));
    }

    @Test
    void anOwnIdNoReportNamedIsUnknownNotForged() {
        assertEquals(Completion.UNKNOWN, ledger.complete("300", "300.5"));
        ledger.opened("300.1");
        assertEquals(Completion.UNKNOWN, ledger.complete("300", "300.5"));
    }

    @Test
    void eachProcessKeepsItsLastOpenCommandsOnly() {
        for (int n = 1; n <= CommandLedger.PER_PROCESS + 1; n++) {
            ledger.opened("400." + n);
        }
        assertEquals(Completion.UNKNOWN, ledger.complete("400", "400.1"));
        assertEquals(Completion.ACCEPTED, ledger.complete("400", "400." + (CommandLedger.PER_PROCESS + 1)));
    }
}
