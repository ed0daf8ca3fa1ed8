#!/usr/bin/env python3
"""Keystroke echo round trip through an interactive ssh session, as a person at a terminal feels it.

Runs `ssh -tt ... 'stty raw -echo; cat'` under a pseudo-terminal, sends one byte at a time, and times
how long until that byte comes back (the remote cat echoes it). Prints p50 and p99 in milliseconds.
Usage: echo_rtt.py SAMPLES ssh-args...
"""
import os
import pty
import select
import sys
import time


def read_until(fd, marker, timeout):
    seen = b""
    deadline = time.monotonic() + timeout
    while marker not in seen:
        left = deadline - time.monotonic()
        if left <= 0:
            raise SystemExit("no answer from the session: " + repr(seen[-200:]))
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 4096)
            if not chunk:
                raise SystemExit("session ended: " + repr(seen[-200:]))
            seen += chunk
    return seen


def main():
    samples = int(sys.argv[1])
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp("ssh", ["ssh", "-tt", *sys.argv[2:], "stty raw -echo; echo READY; exec cat"])
    read_until(fd, b"READY", 30)
    time.sleep(0.2)
    while select.select([fd], [], [], 0.1)[0]:
        os.read(fd, 4096)
    rtts = []
    for i in range(samples):
        byte = bytes([ord("a") + i % 26])
        start = time.perf_counter()
        os.write(fd, byte)
        read_until(fd, byte, 10)
        rtts.append((time.perf_counter() - start) * 1000)
        time.sleep(0.002)
    os.kill(pid, 15)
    os.waitpid(pid, 0)
    rtts.sort()
    p50 = rtts[len(rtts) // 2]
    p99 = rtts[min(len(rtts) - 1, int(len(rtts) * 0.99))]
    print(f"{p50:.3f} {p99:.3f}")


if __name__ == "__main__":
    main()
