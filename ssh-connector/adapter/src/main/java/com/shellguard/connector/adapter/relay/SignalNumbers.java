package com.shellguard.connector.adapter.relay;

import org.apache.sshd.server.Signal;

/** Maps SSH signal names ("TERM") to Linux numbers, for the shell convention of exit status 128 + n. */
final class SignalNumbers {

    private SignalNumbers() {
    }

    static Integer of(String sshSignalName) {
        Signal signal = Signal.get(sshSignalName);
        return signal == null ? null : signal.getNumeric();
    }
}
