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
import sys
import time

from ptysession import PtySession, percentile


class Session(PtySession):
    def __init__(self, config, host):
        super().__init__("echo_rtt", config, host, "stty raw -echo; echo READY; exec cat")

    def keystroke(self, byte):
        start = time.perf_counter()
        os.write(self.fd, byte)
        self.read_until(byte, 10)
        self.rtts.append((time.perf_counter() - start) * 1000)


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
        print(f"{s.host} {percentile(s.rtts, 50):.2f} {percentile(s.rtts, 99):.2f}")


if __name__ == "__main__":
    main()
