# The target tests' stand-in gateway (tests/supervisor.sh, tests/musl-guard.sh): listens on a loopback port it writes
# to DIR/PORT, logs every line to DIR/gw.log; its policy names the program `forbidden`: a Q naming it is refused
# (rule no-forbidden), any other allowed. Usage: python3 stand-in-gateway.py DIR
# SG_STANDIN_NAMES (space separated) replaces the policy's names, not the refusal (scripts/bench/supervisor-starts.sh).
import os, socket, threading, sys
US = '\x1f'
d = sys.argv[1]; names = os.environ.get('SG_STANDIN_NAMES', 'forbidden'); log = open(d + '/gw.log', 'a', buffering=1)
def handle(c):
    for raw in c.makefile('rb'):
        f = raw.decode('utf-8', 'replace').rstrip('\n').split(US)
        log.write('\t'.join(f) + '\n')
        if f[0] == 'P':
            c.sendall(('P' + US + '1' + US + 'allow' + US + '0' + US + names + US + '\n').encode())
        elif f[0] == 'Q':
            bad = any(x.rsplit('/', 1)[-1] == 'forbidden' for x in (f[12], f[13], f[14]))
            c.sendall(('V' + US + f[1] + US + ('B' + US + 'no-forbidden' if bad else 'A' + US) + '\n').encode())
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', 0)); s.listen(50)
open(d + '/PORT', 'w').write(str(s.getsockname()[1]))
while True:
    c, _ = s.accept(); threading.Thread(target=handle, args=(c,), daemon=True).start()
