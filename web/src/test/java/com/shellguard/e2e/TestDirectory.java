package com.shellguard.e2e;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real OpenLDAP {@code slapd} (Debian's {@code slapd} package), run by the test as its own process on a free
 * 127.0.0.1 port with its own configuration and database in a temporary directory, never the system service. It
 * speaks StartTLS with a certificate for 127.0.0.1 from a CA the test makes with openssl, and refuses every bind
 * without TLS ({@code security tls=1}), so nothing the gateway sends could travel in the clear. It holds
 * {@code ou=people} ({@code inetOrgPerson}: {@code uid}, {@code userPassword}, {@code employeeType: disabled} for a
 * disabled person), {@code ou=groups} ({@code groupOfNames} by {@code cn}, {@code member} DNs) and the gateway's
 * service account. Changes are made with the {@code ldap-utils} clients, as a directory admin would.
 */
final class TestDirectory implements AutoCloseable {

    static final String SUFFIX = "dc=example,dc=com";
    static final String ROOT_DN = "cn=admin," + SUFFIX;
    static final String SERVICE_DN = "cn=gateway,ou=services," + SUFFIX;
    private static final String ROOT_PASSWORD = "Root-pass-e2e-1";
    private static final String SERVICE_PASSWORD = "Service-pass-e2e-1";

    private final Path dir;
    private final int port;
    private Process process;

    private TestDirectory(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static TestDirectory start() {
        try {
            Path dir = Files.createTempDirectory("sg-slapd");
            TestDirectory directory = new TestDirectory(dir, Processes.freePort());
            directory.makeCertificates();
            directory.writeConfig();
            directory.run();
            directory.ldap("ldapadd", String.join("\n",
                    "dn: " + SUFFIX, "objectClass: dcObject", "objectClass: organization", "o: Example", "dc: example", "",
                    "dn: ou=people," + SUFFIX, "objectClass: organizationalUnit", "ou: people", "",
                    "dn: ou=groups," + SUFFIX, "objectClass: organizationalUnit", "ou: groups", "",
                    "dn: ou=services," + SUFFIX, "objectClass: organizationalUnit", "ou: services", "",
                    "dn: " + SERVICE_DN, "objectClass: person", "objectClass: simpleSecurityObject", "cn: gateway", "sn: gateway",
                    "userPassword: " + SERVICE_PASSWORD, ""));
            return directory;
        } catch (IOException e) {
            throw new AssertionError("cannot start slapd", e);
        }
    }

    private void makeCertificates() {
        TestCa.make(dir, "ShellGuard test directory CA");
    }

    /** A CA file of another CA, which the directory's certificate does not chain to. */
    Path foreignCa() {
        Path foreign = dir.resolve("foreign-ca.pem");
        if (!Files.exists(foreign)) {
            TestCa.openssl(foreign, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", dir.resolve("foreign-ca.key").toString(), "-out", foreign.toString(), "-days", "2",
                    "-subj", "/CN=Some other CA");
        }
        return foreign;
    }

    private void writeConfig() throws IOException {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("slapd.conf"), String.join("\n",
                "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/inetorgperson.schema",
                "pidfile " + dir.resolve("slapd.pid"),
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "TLSCACertificateFile " + dir.resolve("ca.pem"),
                "TLSCertificateFile " + dir.resolve("server.pem"),
                "TLSCertificateKeyFile " + dir.resolve("server.key"),
                "security tls=1",
                "database mdb",
                "maxsize 10485760",
                "suffix \"" + SUFFIX + "\"",
                "rootdn \"" + ROOT_DN + "\"",
                "rootpw " + ROOT_PASSWORD,
                "directory " + dir.resolve("db"),
                // people may bind with their password; nobody but the admin reads passwords; everyone bound reads the rest
                "access to attrs=userPassword by self =xw by anonymous auth by * none",
                "access to * by users read by anonymous auth by * none",
                ""));
    }

    /** Starts slapd (again, after {@link #stop()}) on the same port and database. */
    void run() {
        try {
            process = new ProcessBuilder("/usr/sbin/slapd", "-d", "0", "-f", dir.resolve("slapd.conf").toString(),
                    "-h", url() + "/").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("slapd.log").toFile()))
                    .start();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("slapd exited: " + Files.readString(dir.resolve("slapd.log")));
                }
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    return;
                } catch (IOException notYet) {
                    Processes.sleep(Duration.ofMillis(100));
                }
            }
            throw new AssertionError("slapd did not listen on " + port);
        } catch (IOException e) {
            throw new AssertionError("cannot start slapd", e);
        }
    }

    void stop() {
        if (process != null) {
            Processes.stop(process, Duration.ofSeconds(15));
            process = null;
        }
    }

    String url() {
        return "ldap://127.0.0.1:" + port;
    }

    Path caFile() {
        return dir.resolve("ca.pem");
    }

    /** The gateway's settings for this directory (scripts/run.sh's environment), groups found by searching ou=groups. */
    Map<String, String> gatewaySettings() {
        Map<String, String> settings = new TreeMap<>();
        settings.put("SHELLGUARD_LDAP_URL", url());
        settings.put("SHELLGUARD_LDAP_BIND_DN", SERVICE_DN);
        settings.put("SHELLGUARD_LDAP_BIND_PASSWORD", SERVICE_PASSWORD);
        settings.put("SHELLGUARD_LDAP_USER_BASE", "ou=people," + SUFFIX);
        settings.put("SHELLGUARD_LDAP_GROUP_BASE", "ou=groups," + SUFFIX);
        settings.put("SHELLGUARD_LDAP_DISABLED_FILTER", "(employeeType=disabled)");
        settings.put("SHELLGUARD_LDAP_TLS_CA", caFile().toString());
        return settings;
    }

    static String personDn(String uid) {
        return "uid=" + uid + ",ou=people," + SUFFIX;
    }

    static String groupDn(String cn) {
        return "cn=" + cn + ",ou=groups," + SUFFIX;
    }

    void addPerson(String uid, String password, boolean disabled) {
        ldap("ldapadd", String.join("\n", "dn: " + personDn(uid), "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + uid,
                "sn: " + uid, "userPassword: " + password, disabled ? "employeeType: disabled" : "", ""));
    }

    void deletePerson(String uid) {
        ldap("ldapdelete", personDn(uid) + "\n");
    }

    /** A groupOfNames must have a member; the service account is one of every group, so a group can be emptied of people. */
    void addGroup(String cn, String... uids) {
        List<String> lines = new ArrayList<>(List.of("dn: " + groupDn(cn), "objectClass: groupOfNames", "cn: " + cn, "member: " + SERVICE_DN));
        for (String uid : uids) {
            lines.add("member: " + personDn(uid));
        }
        lines.add("");
        ldap("ldapadd", String.join("\n", lines));
    }

    void addToGroup(String cn, String uid) {
        ldap("ldapmodify", String.join("\n", "dn: " + groupDn(cn), "changetype: modify", "add: member",
                "member: " + personDn(uid), ""));
    }

    void removeFromGroup(String cn, String uid) {
        ldap("ldapmodify", String.join("\n", "dn: " + groupDn(cn), "changetype: modify", "delete: member",
                "member: " + personDn(uid), ""));
    }

    /** Runs an ldap-utils client as the directory's admin, over StartTLS, with LDIF (or DNs) on its standard input. */
    private void ldap(String tool, String input) {
        ProcessBuilder builder = new ProcessBuilder(tool, "-ZZ", "-x", "-H", url(), "-D", ROOT_DN, "-w", ROOT_PASSWORD);
        builder.environment().put("LDAPTLS_CACERT", caFile().toString());
        Processes.Result r = Processes.run(builder, input, Duration.ofSeconds(30));
        if (r.exitCode() != 0) {
            throw new AssertionError(tool + " failed (" + r.exitCode() + "): " + r.output() + "\ninput:\n" + input);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
