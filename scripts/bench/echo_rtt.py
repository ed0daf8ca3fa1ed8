#!/usr/bin/env python3
"""Keystroke echo round trip through interactive ssh sessions, as a person at a terminal feels it.

For each host, runs `ssh -tt -F CONFIG HOST 'stty raw -echo; cat'` under a pseudo-terminal (so the local ssh
puts its own terminal in raw mode and forwards every byte at once), then sends one byte at a time and times
how long until that byte comes back: the remote terminal neither buffers lines nor echoes, so what returns
is cat's copy, which has crossed every hop twice. The sessions are open side by side and the keystrokes
alternate between them, so a burst of background load lands on every path alike.

Usage: echo_rtt.py SAMPLES SSH_CONFIG HOST...
Prints one line per host: "HOST p50 p99" in milliseconds. Exit status 1 with a message when a session fails.
"""
import os
import pty
import select
import signal
import sys
import time


class Session:
    def __init__(self, config, host):
        self.host = host
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                os.execvp("ssh", ["ssh", "-tt", "-F", config, host, "stty raw -echo; echo READY; exec cat"])
            finally:
                os._exit(127)
        self.rtts = []

    def read_until(self, marker, timeout):
        seen = b""
        deadline = time.monotonic() + timeout
        while marker not in seen:
            left = deadline - time.monotonic()
            if left <= 0:
                raise SystemExit(f"echo_rtt: no answer via {self.host} within {timeout}s: {seen[-200:]!r}")
            if select.select([self.fd], [], [], left)[0]:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise SystemExit(f"echo_rtt: the session via {self.host} ended: {seen[-200:]!r}")
                seen += chunk
        return seen

    def drain(self):
        while select.select([self.fd], [], [], 0.1)[0]:
            os.read(self.fd, 4096)

    def keystroke(self, byte):
        start = time.perf_counter()
        os.write(self.fd, byte)
        self.read_until(byte, 10)
        self.rtts.append((time.perf_counter() - start) * 1000)

    def close(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)


def percentile(sorted_values, p):
    # nearest rank: the smallest value with at least p% of the samples at or below it
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[rank - 1]


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    samples, config, hosts = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    sessions = []
    try:
        for host in hosts:
            sessions.append(Session(config, host))
            sessions[-1].read_until(b"READY", 60)
        # let the sessions settle, then drop whatever is left of the greetings
        time.sleep(0.2)
        for s in sessions:
            s.drain()
        for i in range(samples):
            byte = bytes([ord("a") + i % 26])
            for s in sessions:
                s.keystroke(byte)
                time.sleep(0.002)
    finally:
        for s in sessions:
            s.close()
    for s in sessions:
        rtts = sorted(s.rtts)
        print(f"{s.host} {percentile(rtts, 50):.2f} {percentile(rtts, 99):.2f}")


if __name__ == "__main__":
    main()
