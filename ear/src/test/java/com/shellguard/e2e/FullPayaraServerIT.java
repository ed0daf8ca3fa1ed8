package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR on a full Payara Server 6, set up as an operator would with asadmin: a domain of its own, the
 * datasource, the gateway's system properties (the embedded RAR is named {@code shellguard#shellguard-connector}
 * there), then {@code asadmin deploy shellguard.ear}. The gateway must then answer a stock ssh login.
 */
class FullPayaraServerIT {

    private static final String DOMAIN = "shellguard-it";
    private static final String ADMIN_PASSWORD = "Full-server-admin-1";
    private static Path asadmin;
    private static Path home;
    private static int portBase;
    private static int sshPort;

    @BeforeAll
    static void startDomainAndDeployTheEar() throws IOException {
        Path server = Path.of(System.getProperty("payara.server.home"));
        asadmin = server.resolve("bin/asadmin");
        asadmin.toFile().setExecutable(true);
        home = Files.createTempDirectory("sg-full-server");
        portBase = 20000 + (int) (ProcessHandle.current().pid() % 200) * 100;
        sshPort = Processes.freePort();
        asadmin("delete-domain", DOMAIN);
        check(asadmin("create-domain", "--nopassword", "--portbase", String.valueOf(portBase), DOMAIN));
        check(asadmin("start-domain", DOMAIN));
        String h2 = ("jdbc:h2:file:" + home + "/db/shellguard").replace(":", "\\:");
        check(asadmin("--port", adminPort(), "create-jdbc-connection-pool",
                "--datasourceclassname=org.h2.jdbcx.JdbcDataSource", "--restype=javax.sql.DataSource",
                "--property", "url=" + h2 + ":user=sa:password=sa", "shellguard-pool"));
        check(asadmin("--port", adminPort(), "create-jdbc-resource", "--connectionpoolid", "shellguard-pool", "jdbc/shellguard"));
        check(asadmin("--port", adminPort(), "create-system-properties",
                "shellguard.resource-adapter=shellguard#shellguard-connector"
                        + ":shellguard.home=" + home.toString().replace(":", "\\:")
                        + ":shellguard.ssh.port=" + sshPort
                        + ":shellguard.ssh.bind=127.0.0.1"
                        + ":shellguard.admin.password=" + ADMIN_PASSWORD));
        check(asadmin("--port", adminPort(), "deploy", System.getProperty("shellguard.ear")));
    }

    @AfterAll
    static void stopDomain() {
        asadmin("stop-domain", DOMAIN);
        asadmin("delete-domain", DOMAIN);
    }

    @Test
    void theEarDeployedOnAFullServerAnswersAnSshLoginThroughTheGateway() {
        String baseUrl = "http://127.0.0.1:" + (portBase + 80);
        awaitHealthy(baseUrl);
        Api admin = Api.basic(baseUrl, "admin", ADMIN_PASSWORD);
        try (TargetServer target = TargetServer.start()) {
            Provisioning.Access access = new Provisioning(admin, target).access("full");
            Processes.Result r = OpenSshClient.withKey(sshPort, access.person().key())
                    .ssh(access.person().name() + "@" + access.server(), "echo on-full-payara");
            assertEquals(0, r.exitCode(), r.output());
            assertEquals("on-full-payara\n", r.stdout());
        }
    }

    private static void awaitHealthy(String baseUrl) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Api.anonymous(baseUrl).get("/health").status() == 200) {
                    return;
                }
            } catch (AssertionError notListeningYet) {
                // the server is still starting the application
            }
            Processes.sleep(Duration.ofSeconds(1));
        }
        throw new AssertionError("the EAR's health endpoint never answered 200 at " + baseUrl);
    }

    private static String adminPort() {
        return String.valueOf(portBase + 48);
    }

    private static Processes.Result asadmin(String... args) {
        List<String> cmd = new ArrayList<>(List.of(asadmin.toString(), "--interactive=false"));
        cmd.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(cmd);
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        return Processes.run(builder, null, Duration.ofMinutes(5));
    }

    private static void check(Processes.Result r) {
        if (r.exitCode() != 0) {
            throw new AssertionError("asadmin failed: " + r.output());
        }
    }
}
