#!/usr/bin/env bash
# Writes the upgrade fixture of a release: one database it filled through its REST API and real sessions, dumped, with
# the API's answers about it. Run on a built checkout of the release being superseded (RELEASE, default /tmp/sg-prev),
# with an sshd for the sessions on 127.0.0.1:42301 that admits sgtarget with $F/target_client_key and the password
# Target-pass-7Q, and in $F (default /tmp/sg-fixture): vault.key, alice_ed25519(.pub), stranger_key, target_client_key,
# sshd/host_ed25519.pub, h2.jar (the H2 of the release's Payara Micro). 0.1.0's fixture (upgrade/0.1.0) was written by
# this script on commit 0432539. Usage: write-fixture.sh h2|postgresql HTTP_PORT SSH_PORT
set -uo pipefail
DB=$1; HTTP=$2; SSHP=$3
F=${F:-/tmp/sg-fixture}; RELEASE=${RELEASE:-/tmp/sg-prev}; OUT=$F/$DB; HOME_DIR=$F/home-$DB
rm -rf "$OUT" "$HOME_DIR"; mkdir -p "$OUT/api"
export SHELLGUARD_HOME=$HOME_DIR SHELLGUARD_HTTP_PORT=$HTTP SHELLGUARD_SSH_PORT=$SSHP SHELLGUARD_ADMIN_PASSWORD=Admin-pass-e2e-1 \
  SHELLGUARD_VAULT_KEY=$(cat $F/vault.key) SHELLGUARD_NODE=node-a
if [[ $DB == postgresql ]]; then
  psql -h 127.0.0.1 -U postgres -c "drop database if exists flyway_fixture_pg with (force)" -c "create database flyway_fixture_pg" >/dev/null
  export SHELLGUARD_DB=postgresql SHELLGUARD_DB_NAME=flyway_fixture_pg SHELLGUARD_DB_USER=postgres
fi
$RELEASE/scripts/run.sh > $F/node-$DB.log 2>&1 &
NODE=$!
echo "node $NODE"
until [[ $(curl -s -m 10 -o /dev/null -w '%{http_code}' http://127.0.0.1:$HTTP/api/v1/health) == 200 ]]; do sleep 5; done
until [[ $(curl -s -m 20 -o /dev/null -w '%{http_code}' -u admin:Admin-pass-e2e-1 http://127.0.0.1:$HTTP/api/v1/users) == 200 ]]; do sleep 5; done
echo "up $(date)"
api() { local m=$1 p=$2 d=${3:-}; local code; code=$(curl -s -m 120 -o /tmp/sg-fixture/last-$DB -w '%{http_code}' -u admin:Admin-pass-e2e-1 -X $m -H 'Content-Type: application/json' ${d:+-d "$d"} http://127.0.0.1:$HTTP/api/v1$p); echo "$m $p $code"; }
q() { python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$1"; }
api POST /users "{\"username\":\"alice\",\"password\":\"alice-password-1\",\"publicKeys\":[$(q "$(cat $F/alice_ed25519.pub)")]}"
api POST /users '{"username":"bob","password":"bob-password-1","role":"AUDITOR"}'
api POST /users '{"username":"carol","password":"carol-password-1"}'
api POST /groups '{"name":"ops","members":["alice","carol"]}'
api POST /servers '{"name":"web01","host":"127.0.0.1","port":42301,"labels":["prod"]}'
api POST /servers/web01/accounts "{\"login\":\"sgtarget\",\"privateKey\":$(q "$(cat $F/target_client_key)")}"
api POST /servers "{\"name\":\"db01\",\"host\":\"127.0.0.1\",\"port\":42301,\"hostKey\":$(q "$(cut -d' ' -f1,2 $F/sshd/host_ed25519.pub)"),\"labels\":[\"prod\",\"db\"]}"
api POST /servers/db01/accounts '{"login":"sgtarget","password":"Target-pass-7Q"}'
api POST /grants '{"user":"alice","server":"web01","logins":["sgtarget"]}'
api POST /grants '{"group":"ops","label":"db","logins":["sgtarget"],"forwarding":["local"],"forwardTo":["127.0.0.1:*"]}'
api POST /command-rules '{"name":"no-rm","match":"command","pattern":"rm","action":"BLOCK","description":"keep files"}'
api POST /command-rules '{"name":"watch-id","match":"command","pattern":"id","action":"ALERT","servers":["web01"],"priority":50}'
api PUT /command-defaults/db '{"mode":"allow","supervisor":"off"}'
api POST /tokens '{"name":"siem"}'
api PUT /settings/mfa '{"required":["ops"]}'
api PUT /settings/mfa '{"required":"none"}'
api POST /users/carol/totp ''
SSH=(ssh -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR -p $SSHP)
"${SSH[@]}" -i $F/alice_ed25519 alice@web01@127.0.0.1 'echo hello; id -un; rm /tmp/shellguard-fixture-nothing; true'; echo "exec web01 $?"
"${SSH[@]}" -i $F/alice_ed25519 alice@db01@127.0.0.1 'echo on-db01'; echo "exec db01 $?"
echo "uploaded by release 0.1.0" > /tmp/sg-fixture/upload.txt
scp -q -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR -P $SSHP -i $F/alice_ed25519 /tmp/sg-fixture/upload.txt alice@web01@127.0.0.1:/tmp/shellguard-fixture-upload-$DB.txt; echo "scp $?"
"${SSH[@]}" -i $F/stranger_key carol@web01@127.0.0.1 true; echo "refused $?"
"${SSH[@]}" -i $F/alice_ed25519 alice@web01@127.0.0.1 'sleep 120' & LONG=$!
for i in $(seq 1 60); do
  ID=$(curl -s -m 30 -u admin:Admin-pass-e2e-1 "http://127.0.0.1:$HTTP/api/v1/sessions?active=true" | python3 -c 'import json,sys; r=[s["id"] for s in json.load(sys.stdin) if s.get("status")=="OPEN"]; print(r[0] if r else "")')
  [[ -n $ID ]] && break; sleep 2
done
api DELETE /sessions/$ID
wait $LONG
sleep 10
for read in /users /groups /servers /servers/web01/accounts /servers/db01/accounts /grants /command-rules /command-defaults "/sessions?limit=1000" "/audit/commands?limit=1000" "/audit/alerts?limit=1000" "/audit/transfers?limit=1000" "/audit/auth?limit=1000" /tokens /settings/mfa /users/carol/totp /users/alice /servers/web01; do
  name=$(echo "${read:1}" | sed 's#[/?=]#_#g')
  curl -s -m 120 -u admin:Admin-pass-e2e-1 "http://127.0.0.1:$HTTP/api/v1$read" > "$OUT/api/$name.json"
done
kill $NODE; wait $NODE
sleep 3
if [[ $DB == h2 ]]; then
  java -cp $F/h2.jar org.h2.tools.Script -url "jdbc:h2:file:$HOME_DIR/db/shellguard" -user sa -password sa -script "$OUT/shellguard.sql"
else
  pg_dump -h 127.0.0.1 -U postgres --no-owner --no-privileges flyway_fixture_pg > "$OUT/shellguard.sql"
  psql -h 127.0.0.1 -U postgres -c "drop database flyway_fixture_pg with (force)" >/dev/null
fi
echo "done $DB $(date)"
