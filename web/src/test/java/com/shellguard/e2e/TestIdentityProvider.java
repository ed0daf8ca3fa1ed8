package com.shellguard.e2e;

import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenID provider: Keycloak's distribution ({@code org.keycloak:keycloak-quarkus-dist}, which the web module's
 * build unpacks into {@code target/keycloak}), run by the test in dev mode as its own process on a free 127.0.0.1
 * port, with an in-memory database and the realm {@code shellguard} imported from
 * {@code src/test/resources/keycloak/shellguard-realm.json}: the gateway's confidential client {@code shellguard}
 * (authorization code flow and the device authorization grant, a {@code groups} claim of plain group names), another
 * application's client, and people in the groups {@code shellguard-admins}, {@code shellguard-auditors} and
 * {@code staff}. Keycloak needs Java 21 or later: it runs on the Temurin JDK under /usr/lib/jvm (or
 * {@code -Dshellguard.keycloak.java}). Starting takes a minute or more, several on a loaded machine.
 */
final class TestIdentityProvider implements AutoCloseable {

    static final String REALM = "shellguard";
    static final String CLIENT_ID = "shellguard";
    static final String CLIENT_SECRET = "shellguard-test-secret";
    static final String ADMIN_GROUP = "shellguard-admins";
    static final String AUDITOR_GROUP = "shellguard-auditors";

    /** People of the realm: name and password. */
    record Person(String name, String password) {
    }

    static final Person ADA = new Person("ada", "ada-sso-pass");        // shellguard-admins, staff
    static final Person OTTO = new Person("otto", "otto-sso-pass");     // shellguard-auditors
    static final Person ULLA = new Person("ulla", "ulla-sso-pass");     // staff
    static final Person MALLORY = new Person("mallory", "mallory-sso-pass"); // staff

    private static final Duration STARTUP = Duration.ofMinutes(10);

    private final Path home;
    private final int port;
    private final Path log;
    private Process process;

    private TestIdentityProvider(Path home, int port, Path log) {
        this.home = home;
        this.port = port;
        this.log = log;
    }

    static TestIdentityProvider start() {
        Path home = Path.of(System.getProperty("shellguard.keycloak.home", "target/keycloak/keycloak")).toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new AssertionError("no Keycloak at " + home + ": the web module's build unpacks it (mvn verify -pl web -am)");
        }
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (InputStream realm = TestIdentityProvider.class.getResourceAsStream("/keycloak/shellguard-realm.json")) {
                Files.copy(realm, imports.resolve("shellguard-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            TestIdentityProvider provider = new TestIdentityProvider(home, Processes.freePort(),
                    Files.createTempFile("sg-keycloak", ".log"));
            provider.run();
            return provider;
        } catch (IOException e) {
            throw new AssertionError("cannot start Keycloak", e);
        }
    }

    private void run() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--db=dev-mem",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + Processes.freePort(),
                "--import-realm", "--cache=local")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", javaHome().toString());
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "kcadmin-" + port);
        process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Keycloak exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            Processes.sleep(Duration.ofSeconds(1));
        }
        close();
        throw new AssertionError("Keycloak did not serve the realm within " + STARTUP + ": " + log);
    }

    private static Path javaHome() {
        String chosen = System.getProperty("shellguard.keycloak.java");
        if (chosen != null) {
            return Path.of(chosen);
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(p -> p.getFileName().toString().matches("temurin-(2[1-9]|[3-9]\\d)-jdk.*"))
                    .filter(p -> Files.isExecutable(p.resolve("bin/java"))).sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("Keycloak needs Java 21 or later: no Temurin JDK under /usr/lib/jvm"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    /** The node's single sign-on settings, as an operator writes them for scripts/run.sh. */
    Map<String, String> gatewaySettings() {
        Map<String, String> settings = new TreeMap<>();
        settings.put("SHELLGUARD_OIDC_ISSUER", issuer());
        settings.put("SHELLGUARD_OIDC_CLIENT_ID", CLIENT_ID);
        settings.put("SHELLGUARD_OIDC_CLIENT_SECRET", CLIENT_SECRET);
        settings.put("SHELLGUARD_OIDC_PROVIDER_NAME", "Keycloak");
        settings.put("SHELLGUARD_OIDC_ADMIN_GROUPS", ADMIN_GROUP);
        settings.put("SHELLGUARD_OIDC_AUDITOR_GROUPS", AUDITOR_GROUP);
        return settings;
    }

    /** Makes a person of the realm through Keycloak's admin API, in a group; returns their id, the tokens' subject. */
    String addPerson(Person person, String group) {
        String json = Json.createObjectBuilder().add("username", person.name()).add("enabled", true)
                .add("email", person.name() + "@example.com").add("emailVerified", true)
                .add("firstName", person.name()).add("lastName", "Test")
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "password")
                        .add("value", person.password()).add("temporary", false)))
                .add("groups", Json.createArrayBuilder().add("/" + group)).build().toString();
        HttpResponse<String> made = admin(HttpRequest.newBuilder(URI.create(adminUsers()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        if (made.statusCode() != 201) {
            throw new AssertionError("Keycloak did not make " + person.name() + ": " + made.statusCode() + " " + made.body());
        }
        String location = made.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Deletes a person of the realm, whose name is then free for someone else. */
    void removePerson(String id) {
        HttpResponse<String> gone = admin(HttpRequest.newBuilder(URI.create(adminUsers() + "/" + id)).DELETE());
        if (gone.statusCode() != 204) {
            throw new AssertionError("Keycloak did not delete " + id + ": " + gone.statusCode() + " " + gone.body());
        }
    }

    private String adminUsers() {
        return "http://127.0.0.1:" + port + "/admin/realms/" + REALM + "/users";
    }

    /** A request of Keycloak's bootstrap admin, with a token of the master realm's admin-cli client. */
    private HttpResponse<String> admin(HttpRequest.Builder request) {
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=kcadmin&password=kcadmin-" + port)));
        if (token.statusCode() != 200) {
            throw new AssertionError("no Keycloak admin token: " + token.statusCode() + " " + token.body());
        }
        String accessToken = Json.createReader(new StringReader(token.body())).readObject().getString("access_token");
        return send(request.header("Authorization", "Bearer " + accessToken));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (process != null) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            children.forEach(ProcessHandle::destroy);
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    children.forEach(ProcessHandle::destroyForcibly);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }
}
