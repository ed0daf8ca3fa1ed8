"""What the benchmark's interactive measurements share: an ssh client under a pseudo-terminal, as a person
runs it, read until a marker comes back, and the percentile the figures are reported at.

Imported by echo_rtt.py and command_rtt.py (run from this directory by scripts/bench.sh)."""
import os
import pty
import select
import signal
import time


class PtySession:
    """`ssh -tt -F CONFIG HOST [COMMAND]` on a pseudo-terminal of its own; `who` names the tool in messages."""

    def __init__(self, who, config, host, command=None):
        self.who = who
        self.host = host
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                os.execvp("ssh", ["ssh", "-tt", "-F", config, host] + ([command] if command else []))
            finally:
                os._exit(127)
        self.rtts = []

    def read_until(self, marker, timeout):
        seen = b""
        deadline = time.monotonic() + timeout
        while marker not in seen:
            left = deadline - time.monotonic()
            if left <= 0:
                raise SystemExit(f"{self.who}: no answer via {self.host} within {timeout}s: {seen[-300:]!r}")
            if select.select([self.fd], [], [], left)[0]:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise SystemExit(f"{self.who}: the session via {self.host} ended: {seen[-300:]!r}")
                seen += chunk
        return seen

    def drain(self):
        """Drops whatever the session has sent and nobody waited for (greetings, a prompt's leftovers)."""
        while select.select([self.fd], [], [], 0.1)[0]:
            os.read(self.fd, 65536)

    def close(self, goodbye=None):
        """Types goodbye (if any), then ends the client."""
        try:
            if goodbye:
                os.write(self.fd, goodbye)
                time.sleep(0.2)
            os.kill(self.pid, signal.SIGTERM)
        except OSError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def percentile(values, p):
    """Nearest rank: the smallest value with at least p% of the samples at or below it."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[rank - 1]
