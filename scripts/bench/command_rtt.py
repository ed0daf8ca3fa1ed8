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
import pty
import select
import signal
import sys
import time

PROMPT = b"@sg@"
COMMANDS = [b"true", b"ls -d /tmp", b"cd /tmp", b"date +%s", b"echo hello", b"id -u", b"pwd", b"cat /etc/hostname"]


class Session:
    def __init__(self, config, host):
        self.host = host
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                os.execvp("ssh", ["ssh", "-tt", "-F", config, host])
            finally:
                os._exit(127)
        self.rtts = []

    def read_until(self, marker, timeout):
        seen = b""
        deadline = time.monotonic() + timeout
        while marker not in seen:
            left = deadline - time.monotonic()
            if left <= 0:
                raise SystemExit(f"command_rtt: no prompt via {self.host} within {timeout}s: {seen[-300:]!r}")
            if select.select([self.fd], [], [], left)[0]:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise SystemExit(f"command_rtt: the session via {self.host} ended: {seen[-300:]!r}")
                seen += chunk
        return seen

    def start(self):
        # PS1 is set by a command typed like any other; PROMPT_COMMAND and PS0 stay as the login left them
        os.write(self.fd, b"PS1='" + PROMPT + b"'; stty -echo\r")
        self.read_until(PROMPT, 60)
        time.sleep(0.3)
        self.drain()

    def drain(self):
        while select.select([self.fd], [], [], 0.1)[0]:
            os.read(self.fd, 65536)

    def command(self, line, record):
        start = time.perf_counter()
        os.write(self.fd, line + b"\r")
        self.read_until(PROMPT, 30)
        if record:
            self.rtts.append((time.perf_counter() - start) * 1000)

    def close(self):
        try:
            os.write(self.fd, b"exit\r")
            time.sleep(0.2)
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except OSError:
            pass


def quantile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


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
            print(f"{s.host} {quantile(s.rtts, 0.5):.2f} {quantile(s.rtts, 0.99):.2f}")
    finally:
        for s in sessions:
            s.close()


if __name__ == "__main__":
    main()
