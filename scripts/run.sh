#!/usr/bin/env bash
# Starts a ShellGuard gateway node on Payara Micro: the connector RAR first, then the web WAR (which carries
# the EJB jar). Builds whatever is missing. Everything the node keeps (database, SSH host key, vault key,
# Payara's own files) lives under $SHELLGUARD_HOME, so a restart finds it again.
#
# Settings (environment):
#   SHELLGUARD_HOME            state directory (default ./data)
#   SHELLGUARD_SSH_PORT        SSH listener port (default 2222)
#   SHELLGUARD_HTTP_PORT       REST API / console port (default 8080)
#   SHELLGUARD_ADMIN_PASSWORD  password of the "admin" account created on first start (else one is generated and printed once)
#   SHELLGUARD_VAULT_KEY       base64 AES-256 key for stored credentials (else generated once into $SHELLGUARD_HOME/vault.key)
#   SHELLGUARD_DB              h2 (default, embedded, under $SHELLGUARD_HOME/db) or postgresql
#   SHELLGUARD_DB_HOST/_PORT/_NAME/_USER/_PASSWORD   PostgreSQL connection (defaults 127.0.0.1, 5432, shellguard, shellguard, empty)
#   SHELLGUARD_CLUSTER         Hazelcast members, e.g. tcpip:10.0.0.1:6900,10.0.0.2:6900 (default: no clustering)
#   SHELLGUARD_CLUSTER_INTERFACE  interface address Hazelcast binds to when clustering (default 127.0.0.1)
#   SHELLGUARD_CLUSTER_PORT    this node's Hazelcast port (default 6900; the first free one from there)
#   SHELLGUARD_JAVA_OPTS       extra JVM options (default -Xmx384m)
#   SHELLGUARD_LOCKOUT_FAILURES          failed logins of one account that lock it (default 5; 0 never locks)
#   SHELLGUARD_LOCKOUT_ADDRESS_FAILURES  failed logins from one source address that throttle it (default 20; 0 off, e.g. behind a proxy)
#   SHELLGUARD_LOCKOUT_WINDOW_MINUTES    within how many minutes those failures count (default 15)
#   SHELLGUARD_LOCKOUT_MINUTES           how long a lock or throttle lasts (default 15; an admin unlocks an account sooner)
#   SHELLGUARD_LDAP_URL        directory that checks passwords: ldaps://HOST[:636] or ldap://HOST[:389] (always StartTLS); unset: no directory
#   SHELLGUARD_LDAP_BIND_DN / _BIND_PASSWORD   service account that searches the directory (unset: anonymous searches)
#   SHELLGUARD_LDAP_USER_BASE / _USER_FILTER   where people are, and the filter naming one ({0} the user name; default (uid={0}))
#   SHELLGUARD_LDAP_DISABLED_FILTER            an entry matching it is disabled (AD: (userAccountControl:1.2.840.113556.1.4.803:=2))
#   SHELLGUARD_LDAP_GROUP_BASE / _GROUP_FILTER groups searched ({0} the user's DN, {1} the name; default (member={0})); unset: the memberOf attribute
#   SHELLGUARD_LDAP_MEMBEROF_ATTRIBUTE / _GROUP_NAME_ATTRIBUTE   defaults memberOf / cn
#   SHELLGUARD_LDAP_GROUP_MAP  Directory Group=gateway-group;... (other directory groups join a gateway group of the same name, if any)
#   SHELLGUARD_LDAP_ADMIN_GROUPS / _AUDITOR_GROUPS   directory groups (;-separated) whose members are ADMIN / AUDITOR
#   SHELLGUARD_LDAP_TLS_CA     PEM file of the CA(s) to trust for the directory (default: the JVM's)
#   SHELLGUARD_LDAP_TIMEOUT    seconds to connect and to wait for each answer (default 5)
#   SHELLGUARD_LDAP_KEY_CHECK_SECONDS  how long a key login trusts the directory's last "active" (default 60)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export SHELLGUARD_HOME=$(realpath -m "${SHELLGUARD_HOME:-./data}")
export SHELLGUARD_SSH_PORT=${SHELLGUARD_SSH_PORT:-2222}
HTTP_PORT=${SHELLGUARD_HTTP_PORT:-8080}

RAR=$ROOT/ssh-connector/rar/target/shellguard-connector.rar
WAR=$ROOT/web/target/shellguard-web.war
RUNTIME=$ROOT/server-config/target/runtime
if [[ ! -f $RAR || ! -f $WAR || ! -f $RUNTIME/payara-micro.jar ]]; then
  echo "ShellGuard: building (first start)..." >&2
  (cd "$ROOT" && mvn -q -B -DskipTests -DskipITs install)
fi

mkdir -p "$SHELLGUARD_HOME/payara" "$SHELLGUARD_HOME/db"
# Payara's own instance files are rebuilt on every start from the settings above, so a changed setting
# (another database, say) never meets a stale copy. Nothing ShellGuard keeps lives there.
rm -rf "$SHELLGUARD_HOME/payara/instance"
chmod 700 "$SHELLGUARD_HOME"

# asadmin --property values separate pairs with ':' and names from values with '=', so both are escaped inside a value.
escape() { printf '%s' "$1" | sed -e 's/[\\:=]/\\&/g'; }

# Fills a post-boot command template: each @NAME@ becomes the escaped value (quoted, so '&' stays literal);
# a name given as +NAME takes its value as already escaped.
fill() {
  local text value
  text=$(<"$1"); shift
  while (($#)); do
    if [[ $1 == +* ]]; then value=$2; else value=$(escape "$2"); fi
    text=${text//"@${1#+}@"/"$value"}; shift 2
  done
  printf '%s\n' "$text"
}

POSTBOOT=$SHELLGUARD_HOME/payara/post-boot.asadmin
TEMPLATES=$ROOT/server-config/src/main/payara
case "${SHELLGUARD_DB:-h2}" in
  h2)
    # WRITE_DELAY=0: an audit row that was committed must survive a crash (H2 otherwise flushes up to 500 ms later).
    # MODE=PostgreSQL: the schema migrations (ejb/src/main/resources/db/migration) are one SQL text for both databases.
    fill "$TEMPLATES/datasource-h2.asadmin" H2_URL "jdbc:h2:file:$SHELLGUARD_HOME/db/shellguard;WRITE_DELAY=0;MODE=PostgreSQL" > "$POSTBOOT" ;;
  postgresql)
    fill "$TEMPLATES/datasource-postgresql.asadmin" \
      DB_HOST "${SHELLGUARD_DB_HOST:-127.0.0.1}" DB_PORT "${SHELLGUARD_DB_PORT:-5432}" \
      DB_NAME "${SHELLGUARD_DB_NAME:-shellguard}" DB_USER "${SHELLGUARD_DB_USER:-shellguard}" \
      +DB_PASSWORD_PROPERTY ":password=$(if [[ -n ${SHELLGUARD_DB_PASSWORD:-} ]]; then escape "$SHELLGUARD_DB_PASSWORD"; else printf "()"; fi)" > "$POSTBOOT" ;;
  *) echo "ShellGuard: SHELLGUARD_DB must be h2 or postgresql, not '$SHELLGUARD_DB'" >&2; exit 2 ;;
esac
chmod 600 "$POSTBOOT"

if [[ -n ${SHELLGUARD_CLUSTER:-} ]]; then
  CLUSTER=(--clustermode "$SHELLGUARD_CLUSTER" --interfaces "${SHELLGUARD_CLUSTER_INTERFACE:-127.0.0.1}"
           --startport "${SHELLGUARD_CLUSTER_PORT:-6900}")
else
  CLUSTER=(--nocluster)
fi

# shellcheck disable=SC2086
# The gateway MDB binds to the resource adapter this property names; on Micro a RAR is named after its file.
# A database schema the node cannot migrate ends the node (Payara Micro would run on without the application).
exec java ${SHELLGUARD_JAVA_OPTS:--Xmx384m} -Dshellguard.resource-adapter=shellguard-connector -Dshellguard.schema.exit-on-failure=true \
  -jar "$RUNTIME/payara-micro.jar" \
  --rootdir "$SHELLGUARD_HOME/payara/instance" \
  --port "$HTTP_PORT" \
  "${CLUSTER[@]}" \
  --addlibs "$RUNTIME/postgresql.jar" \
  --postbootcommandfile "$POSTBOOT" \
  --deploy "$RAR" \
  --deploy "$WAR"
