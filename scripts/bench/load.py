#!/usr/bin/python3
"""Load generator: many interactive SSH sessions at once, each typing commands as a person would.

Opens SESSIONS interactive sessions (a pty and the account's login shell; through the gateway that shell is
the hooked one) at RATE new sessions a second, with Debian's python3-asyncssh (one process, one event loop,
so a few hundred sessions cost the client little). Each session sets its prompt to a marker, then types a
command every INTERVAL seconds (the first one at a random point of the first interval, so the sessions do
not type in step), COMMANDS times, and waits for each command's output and the next prompt; then it types
`exit` (or holds the session open for --hold seconds first) and waits for the session to end.

Each typed command is `echo sg<session>x<n>"ok"`: its output `sg<session>x<n>ok` is not in what was typed,
so an answer is never mistaken for the terminal's echo, and the token names the command exactly (a test can
compare the commands answered with the audit rows one by one, see --tokens).

Point it at a gateway (user `person@login@server`) or straight at the target's sshd for the baseline; the
same figures come out for both:

  sessions usable / failed   a session is usable once its first prompt came back; a failure says why
                             (refused, timed out, ended, an SSH error), counted by phase and reason in
                             `failures`, which also counts usable sessions that broke later (phase
                             `commands` or `exit`)
  set-up p50 / p99           from the TCP connect to the first prompt (key exchange, login, and through the
                             gateway its own upstream login and the hook's installation)
  round trip p50 / p99       from Enter to the command's output and the next prompt
  commands answered          exactly how many typed commands came back with their output

Output: a human summary on stderr, and one line of JSON on stdout (the last thing printed), e.g.
  {"sessions": 200, "usable": 200, "failed": 0, "failures": {}, "setup_ms": {"p50": 812.4, "p99": 2401.0},
   "rtt_ms": {"p50": 31.2, "p99": 120.9}, "commands_typed": 1000, "commands_answered": 1000,
   "commands_unanswered": 0, "ended_cleanly": 200, "seconds": 41.3}

Exit status: 0 when it ran (whatever the figures), 2 on bad arguments.

Usage: load.py --host 127.0.0.1 --port 2222 --user bench@sgtarget@target --key KEY
               [--sessions 100] [--rate 10] [--commands 5] [--interval 3] [--timeout 60] [--hold 0]
               [--tokens FILE]
"""
import argparse
import asyncio
import json
import random
import resource
import sys
import time
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # cryptography's deprecation of ciphers asyncssh still imports
    import asyncssh

PROMPT = b"@sg@"
# the prompt typed as two quoted halves, so the terminal's echo of this line does not contain the marker
SET_PROMPT = b"PS1='@s''g@'; PS2=''; stty -echo\r"


def percentile(values, p):
    """Nearest rank: the smallest value with at least p% of the samples at or below it (None without any)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return round(ordered[rank - 1], 1)


class Failed(Exception):
    """A session stopped being usable; the message is the reason counted in the report."""


class Load:
    def __init__(self, args):
        self.args = args
        self.key = asyncssh.read_private_key(args.key)
        self.setup_ms = []
        self.rtt_ms = []
        self.failures = {}
        self.usable = 0
        self.typed = 0
        self.answered = []
        self.unanswered = 0
        self.ended_cleanly = 0

    def fail(self, reason):
        self.failures[reason] = self.failures.get(reason, 0) + 1

    async def run(self):
        started = time.monotonic()
        tasks = []
        for i in range(self.args.sessions):
            delay = started + i / self.args.rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(self.session(i + 1)))
        await asyncio.gather(*tasks)
        return time.monotonic() - started

    async def session(self, sid):
        args = self.args
        start = time.monotonic()
        phase = "connect"
        try:
            async with asyncssh.connect(
                    args.host, args.port, username=args.user, client_keys=[self.key], known_hosts=None,
                    agent_path=None, preferred_auth="publickey", login_timeout=args.timeout,
                    connect_timeout=args.timeout) as conn:
                phase = "shell"
                proc = await conn.create_process(term_type="xterm", term_size=(200, 50), encoding=None)
                proc.stdin.write(SET_PROMPT)
                screen = Screen(proc, args.timeout)
                await screen.until(PROMPT)
                self.setup_ms.append((time.monotonic() - start) * 1000)
                self.usable += 1
                phase = "commands"
                await asyncio.sleep(random.uniform(0, args.interval))
                for n in range(1, args.commands + 1):
                    token = f"sg{sid}x{n}".encode()
                    self.typed += 1
                    sent = time.monotonic()
                    proc.stdin.write(b"echo " + token + b'"ok"\r')
                    try:
                        await screen.until(token + b"ok", PROMPT)
                    except Failed:
                        self.unanswered += 1
                        raise
                    self.rtt_ms.append((time.monotonic() - sent) * 1000)
                    self.answered.append(token.decode())
                    if n < args.commands:
                        await asyncio.sleep(args.interval)
                phase = "exit"
                if args.hold:
                    await asyncio.sleep(args.hold)
                proc.stdin.write(b"exit\r")
                await asyncio.wait_for(proc.wait_closed(), args.timeout)
                self.ended_cleanly += 1
        except Failed as e:
            self.fail(f"{phase}: {e}")
        except asyncio.TimeoutError:
            self.fail(f"{phase}: timed out after {args.timeout}s")
        except asyncssh.DisconnectError as e:
            self.fail(f"{phase}: disconnected: {e.reason}")
        except asyncssh.ChannelOpenError as e:
            self.fail(f"{phase}: channel refused: {e.reason}")
        except (OSError, asyncssh.Error) as e:
            self.fail(f"{phase}: {type(e).__name__}: {e}")

    def report(self, seconds):
        a = self.args
        result = {
            "sessions": a.sessions, "usable": self.usable, "failed": a.sessions - self.usable,
            "failures": self.failures,
            "setup_ms": {"p50": percentile(self.setup_ms, 50), "p99": percentile(self.setup_ms, 99)},
            "rtt_ms": {"p50": percentile(self.rtt_ms, 50), "p99": percentile(self.rtt_ms, 99)},
            "commands_typed": self.typed, "commands_answered": len(self.answered),
            "commands_unanswered": self.unanswered, "ended_cleanly": self.ended_cleanly,
            "seconds": round(seconds, 1),
        }
        err = sys.stderr
        print(f"load: {a.sessions} sessions at {a.rate}/s to {a.user}@{a.host}:{a.port}, "
              f"{a.commands} commands each every {a.interval}s, in {seconds:.1f}s", file=err)
        print(f"load: usable shells {self.usable}, failed {a.sessions - self.usable}", file=err)
        for reason, count in sorted(self.failures.items(), key=lambda kv: -kv[1]):
            print(f"load:   {count} x {reason}", file=err)
        print(f"load: set-up p50 {result['setup_ms']['p50']} ms, p99 {result['setup_ms']['p99']} ms", file=err)
        print(f"load: round trip p50 {result['rtt_ms']['p50']} ms, p99 {result['rtt_ms']['p99']} ms", file=err)
        print(f"load: commands typed {self.typed}, answered {len(self.answered)}, unanswered {self.unanswered}; "
              f"sessions ended cleanly {self.ended_cleanly}", file=err)
        if a.tokens:
            with open(a.tokens, "w") as f:
                f.writelines(t + "\n" for t in sorted(self.answered))
        print(json.dumps(result), flush=True)


class Screen:
    """What a session's terminal showed, read until markers appear in order."""

    def __init__(self, proc, timeout):
        self.proc = proc
        self.timeout = timeout
        self.seen = b""

    async def until(self, *markers):
        deadline = time.monotonic() + self.timeout
        for marker in markers:
            while True:
                at = self.seen.find(marker)
                if at >= 0:
                    self.seen = self.seen[at + len(marker):]
                    break
                left = deadline - time.monotonic()
                if left <= 0:
                    raise Failed(f"no {marker!r} within {self.timeout}s (last output {self.seen[-120:]!r})")
                try:
                    chunk = await asyncio.wait_for(self.proc.stdout.read(65536), left)
                except asyncio.TimeoutError:
                    continue
                if not chunk:
                    raise Failed(f"the session ended (last output {self.seen[-120:]!r})")
                self.seen = self.seen[-4096:] + chunk


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--user", required=True, help="the SSH user name (through the gateway: person@login@server)")
    p.add_argument("--key", required=True, help="the client's private key file")
    p.add_argument("--sessions", type=int, default=100)
    p.add_argument("--rate", type=float, default=10, help="new sessions a second")
    p.add_argument("--commands", type=int, default=5, help="commands each session types")
    p.add_argument("--interval", type=float, default=3, help="seconds between a session's commands")
    p.add_argument("--timeout", type=float, default=60, help="seconds to wait for a login, a prompt, an answer")
    p.add_argument("--hold", type=float, default=0, help="seconds a session stays open after its last command")
    p.add_argument("--tokens", help="write the token of every answered command to this file, one a line")
    args = p.parse_args()
    if args.sessions < 1 or args.rate <= 0 or args.commands < 0 or args.interval < 0 or args.timeout <= 0:
        p.error("sessions >= 1, rate > 0, commands >= 0, interval >= 0, timeout > 0")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    load = Load(args)
    seconds = asyncio.run(load.run())
    load.report(seconds)


if __name__ == "__main__":
    main()
