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
#   SHELLGUARD_CDS             0: no class-data archive (default on: written under payara/ when a node without one stops)
#   SHELLGUARD_START_TRACE     1: the log gets Payara's timings of each deployment phase (where a start's time goes)
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
#   SHELLGUARD_OIDC_ISSUER     OpenID provider for single sign-on (console and SSH), its issuer URL; unset: no single sign-on
#   SHELLGUARD_OIDC_CLIENT_ID / _CLIENT_SECRET   the gateway's confidential client there (code flow and device grant)
#   SHELLGUARD_OIDC_PROVIDER_NAME   the login page's "Sign in with ..." (default: single sign-on)
#   SHELLGUARD_OIDC_USERNAME_CLAIM / _ROLES_CLAIM   claims naming the person and their groups (defaults preferred_username / groups)
#   SHELLGUARD_OIDC_ADMIN_GROUPS / _AUDITOR_GROUPS  provider groups (;-separated) whose members are ADMIN / AUDITOR
#   SHELLGUARD_OIDC_CREATE_USERS    true: a person's first sign-on makes their account (USER unless a group says more); false: refused
#   SHELLGUARD_OIDC_CONSOLE_URL     the console's address as browsers reach it (behind a proxy); default: the request's own
#   SHELLGUARD_OIDC_SSH_TIMEOUT     seconds a person has to sign in during an SSH login (default 300)
#   SHELLGUARD_OIDC_TIMEOUT         seconds to wait for each answer of the provider (default 5)
#   SHELLGUARD_OIDC_KEY_HOURS       hours a federated person's registered keys work after a sign-on over SSH (default 0: never)
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
  # only what a node runs (not the EAR for a full Payara Server), without tests
  (cd "$ROOT" && mvn -q -B -DskipTests -DskipITs install -pl server-config,ssh-connector/rar,web -am)
fi

mkdir -p "$SHELLGUARD_HOME/payara" "$SHELLGUARD_HOME/db"
chmod 700 "$SHELLGUARD_HOME"
PAYARA=$SHELLGUARD_HOME/payara
INSTANCE=$PAYARA/instance
# Payara Micro is unpacked once (its runtime jars and a launcher that starts from them), again only when
# payara-micro.jar, the PostgreSQL driver (on the archive's class path) or the JVM changes: unpacking 100 MB on every start cost seconds, and the class-data archive
# (below) holds only for jars that stay the same files. The launcher must sit next to the runtime in the instance
# directory (Payara resolves one from the other).
STAMP="$(stat -c '%s %Y' "$RUNTIME/payara-micro.jar" "$RUNTIME/postgresql.jar" | tr '\n' ' ')$(java -version 2>&1 | tr '\n' ' ')"
if [[ ! -f $INSTANCE/launch-micro.jar || $(cat "$PAYARA/runtime.stamp" 2>/dev/null) != "$STAMP" ]]; then
  command -v jar >/dev/null || { echo "ShellGuard: the JDK's jar tool is missing (a JDK 17, not only a JRE, runs the node)" >&2; exit 1; }
  rm -rf "$INSTANCE" "$PAYARA/pristine" "$PAYARA/runtime.stamp" "$PAYARA/module-options" "$PAYARA/classes.jsa"
  java -jar "$RUNTIME/payara-micro.jar" --rootdir "$INSTANCE" --outputlauncher > "$PAYARA/unpack.log" 2>&1 ||
    { cat "$PAYARA/unpack.log" >&2; echo "ShellGuard: cannot unpack Payara Micro into $INSTANCE" >&2; exit 1; }
  mkdir "$PAYARA/pristine"
  for f in "$INSTANCE"/* "$INSTANCE"/.[!.]*; do
    [[ -e $f && ${f##*/} != runtime && ${f##*/} != launch-micro.jar ]] && cp -a "$f" "$PAYARA/pristine/"
  done
  # The launcher is started with -cp (the PostgreSQL driver beside it: Payara's --addlibs refuses a launcher),
  # so the module options its manifest gives a -jar start are passed by hand.
  mkdir "$PAYARA/manifest"
  (cd "$PAYARA/manifest" && jar xf "$INSTANCE/launch-micro.jar" META-INF/MANIFEST.MF)
  sed -e ':a' -e 'N' -e '$!ba' -e 's/\r//g; s/\n //g' "$PAYARA/manifest/META-INF/MANIFEST.MF" | while read -r name values; do
    case $name in
      Add-Opens:) for v in $values; do echo "--add-opens=$v=ALL-UNNAMED"; done ;;
      Add-Exports:) for v in $values; do echo "--add-exports=$v=ALL-UNNAMED"; done ;;
    esac
  done > "$PAYARA/module-options"
  rm -rf "$PAYARA/manifest"
  printf '%s' "$STAMP" > "$PAYARA/runtime.stamp"
fi
# Payara's own instance files (configuration, deployed applications) are rebuilt on every start from the settings
# above, so a changed setting (another database, say) never meets a stale copy. Nothing ShellGuard keeps lives there.
for f in "$INSTANCE"/* "$INSTANCE"/.[!.]*; do
  [[ -e $f && ${f##*/} != runtime && ${f##*/} != launch-micro.jar ]] && rm -rf "$f"
done
cp -a "$PAYARA/pristine/." "$INSTANCE/"

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
  # no Hazelcast at all: ShellGuard's code does not use it, and starting it alone cost seconds
  CLUSTER=(--nohazelcast)
fi

# Class-data sharing: the classes a start loads (Payara's, the application's) kept in an archive the JVM maps
# instead of reading, verifying and parsing them again (with the two steps above, a warm start took 28% less CPU
# here: 43.5 s against 60 s, README "Start time"). A node without one writes it
# when it stops (so no start pays for a separate training run); it is kept only once a JVM accepted it, since a
# node killed mid-write leaves half a file. SHELLGUARD_CDS=0 turns it off.
CLASSPATH_RUN="$INSTANCE/launch-micro.jar:$RUNTIME/postgresql.jar"
CDS=()
if [[ ${SHELLGUARD_CDS:-1} != 0 ]]; then
  if [[ -f $PAYARA/classes.jsa.new ]]; then
    if java -Xshare:on -XX:SharedArchiveFile="$PAYARA/classes.jsa.new" -cp "$CLASSPATH_RUN" -version >/dev/null 2>&1; then
      mv "$PAYARA/classes.jsa.new" "$PAYARA/classes.jsa"
    else
      rm -f "$PAYARA/classes.jsa.new"
    fi
  fi
  if [[ -f $PAYARA/classes.jsa ]]; then
    CDS=(-XX:SharedArchiveFile="$PAYARA/classes.jsa")
  else
    CDS=(-XX:ArchiveClassesAtExit="$PAYARA/classes.jsa.new")
  fi
fi

# Payara's timings of each deployment phase (class scanning, each container's prepare and load) as a table in the log
TRACE=()
[[ ${SHELLGUARD_START_TRACE:-0} == 1 ]] && TRACE=(-Dorg.glassfish.deployment.trace=true)

# shellcheck disable=SC2086
# The gateway MDB binds to the resource adapter this property names; on Micro a RAR is named after its file.
# A database schema the node cannot migrate ends the node (Payara Micro would run on without the application).
exec java ${SHELLGUARD_JAVA_OPTS:--Xmx384m} -Dshellguard.resource-adapter=shellguard-connector -Dshellguard.schema.exit-on-failure=true \
  "${CDS[@]}" "${TRACE[@]}" $(<"$PAYARA/module-options") \
  -cp "$CLASSPATH_RUN" fish.payara.micro.impl.RootDirLauncher \
  --port "$HTTP_PORT" \
  "${CLUSTER[@]}" \
  --disablephonehome \
  --postbootcommandfile "$POSTBOOT" \
  --deploy "$RAR" \
  --deploy "$WAR"
