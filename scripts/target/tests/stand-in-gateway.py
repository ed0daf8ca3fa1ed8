# The target tests' stand-in gateway (tests/supervisor.sh, tests/musl-guard.sh, tests/guard-argv.sh): listens on a loopback
# port it writes to DIR/PORT, logs every line to DIR/gw.log; its policy names the program `forbidden`: a Q naming it is
# refused (rule no-forbidden), any other allowed. Usage: python3 stand-in-gateway.py DIR
# SG_STANDIN_NAMES (space separated) replaces the policy's names, not the refusal (scripts/bench/supervisor-starts.sh).
# While DIR/line-word exists, the policy has a line rule: every start is asked, a Q whose command text holds that word
# is refused (rule no-line-word), and one whose text the layer marked as cut is refused as the gateway refuses it while
# a line rule applies (rule command-too-long, ArgvCut and CutCommandLine in the gateway).
import os, re, socket, threading, sys
US = '\x1f'
CUT = re.compile(r'(^| )\[cut by (the exec guard|the supervisor): [0-9]+ arguments, [0-9]+ bytes in all\]$')
d = sys.argv[1]; names = os.environ.get('SG_STANDIN_NAMES', 'forbidden'); log = open(d + '/gw.log', 'a', buffering=1)
def line_word():
    try:
        return open(d + '/line-word').read().strip()
    except FileNotFoundError:
        return None
def handle(c):
    for raw in c.makefile('rb'):
        f = raw.decode('utf-8', 'replace').rstrip('\n').split(US)
        log.write('\t'.join(f) + '\n')
        word = line_word()
        if f[0] == 'P':
            c.sendall(('P' + US + '1' + US + 'allow' + US + ('1' if word else '0') + US + names + US + '\n').encode())
        elif f[0] == 'Q':
            rule = ('no-forbidden' if any(x.rsplit('/', 1)[-1] == 'forbidden' for x in (f[12], f[13], f[14]))
                    else 'no-line-word' if word and word in f[18] else 'command-too-long' if word and CUT.search(f[18]) else None)
            c.sendall(('V' + US + f[1] + US + ('B' + US + rule if rule else 'A' + US) + '\n').encode())
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', 0)); s.listen(50)
open(d + '/PORT', 'w').write(str(s.getsockname()[1]))
while True:
    c, _ = s.accept(); threading.Thread(target=handle, args=(c,), daemon=True).start()
