#!/usr/bin/env python3
"""Time from Enter to the next prompt for short commands typed into interactive ssh sessions.

For each host, runs `ssh -tt -F CONFIG HOST` under a pseudo-terminal (a login shell, exactly what a person
gets), replaces the prompt with a marker, then types short commands one at a time and times how long until
the marker comes back: the command's own run time plus everything on the way (the gateway's relay, and the
shell hook's work before and after it when the session is hooked). The sessions are open side by side and
the commands alternate between them, so a burst of background load lands on every path alike.

The commands are a rotation of what people type between longer work: builtins (cd, pwd, echo, true) and small
programs (ls, date, id, cat), each with the same arguments on every path.

Usage: command_rtt.py SAMPLES SSH_CONFIG HOST...
Prints one line per host: "HOST p50 p99" in milliseconds. Exit status 1 with a message when a session fails.
"""
import os
import sys
import time

from ptysession import PtySession, percentile

PROMPT = b"@sg@"
COMMANDS = [b"true", b"ls -d /tmp", b"cd /tmp", b"date +%s", b"echo hello", b"id -u", b"pwd", b"cat /etc/hostname"]


class Session(PtySession):
    def __init__(self, config, host):
        super().__init__("command_rtt", config, host)

    def start(self):
        # PS1 is set by a command typed like any other; PROMPT_COMMAND and PS0 stay as the login left them
        os.write(self.fd, b"PS1='" + PROMPT + b"'; stty -echo\r")
        self.read_until(PROMPT, 60)
        time.sleep(0.3)
        self.drain()

    def command(self, line, record):
        start = time.perf_counter()
        os.write(self.fd, line + b"\r")
        self.read_until(PROMPT, 30)
        if record:
            self.rtts.append((time.perf_counter() - start) * 1000)


def main():
    samples, config, hosts = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    sessions = [Session(config, h) for h in hosts]
    try:
        for s in sessions:
            s.start()
        warmup = min(50, samples // 10)
        for i in range(warmup + samples):
            line = COMMANDS[i % len(COMMANDS)]
            for s in sessions:
                s.command(line, i >= warmup)
        for s in sessions:
            print(f"{s.host} {percentile(s.rtts, 50):.2f} {percentile(s.rtts, 99):.2f}")
    finally:
        for s in sessions:
            s.close(b"exit\r")


if __name__ == "__main__":
    main()
