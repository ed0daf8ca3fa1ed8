package com.shellguard.e2e;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What an admin does through the REST API before anyone can log in: people with keys, the target sshd
 * registered as a server with its credential, and grants. Names are unique per call, so tests sharing a
 * gateway do not see each other's data.
 */
class Provisioning {

    final Api admin;
    final TargetServer target;

    Provisioning(Api admin, TargetServer target) {
        this.admin = admin;
        this.target = target;
    }

    /** A person and a server (host key left to first sight) that the person is granted the target account on. */
    record Access(Person person, String server) {
    }

    Access access(String prefix) {
        String server = server(prefix + "srv", false);
        return new Access(personWithAccess(prefix, server), server);
    }

    record Person(String name, Path key, String password) {
    }

    /** True when the field is present and not null (JSON-B leaves null fields out). */
    static boolean has(JsonObject object, String field) {
        return object.containsKey(field) && !object.isNull(field);
    }

    /** The strings of a JSON array of strings, in order. */
    static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    Person person(String prefix) {
        return person(prefix, "USER");
    }

    Person person(String prefix, String role) {
        String name = unique(prefix);
        String password = "pw-" + UUID.randomUUID();
        Path key = newKey(name);
        admin.post("/users", "{\"username\":" + Api.quote(name) + ",\"password\":" + Api.quote(password)
                + ",\"role\":" + Api.quote(role) + ",\"publicKeys\":[" + Api.quote(publicKey(key)) + "]}").expect(201);
        return new Person(name, key, password);
    }

    static Path newKey(String comment) {
        return newKey(comment, "ed25519");
    }

    /** A new key pair of the type ssh-keygen -t names (ed25519, ecdsa, rsa); returns the private key's path. */
    static Path newKey(String comment, String type) {
        try {
            Path dir = Files.createTempDirectory("sg-key");
            Path key = dir.resolve("id_" + type);
            Processes.check(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", comment, "-f", key.toString()));
            return key;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String publicKey(Path privateKey) {
        try {
            return Files.readString(Path.of(privateKey + ".pub")).trim();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Registers the target sshd as a server (with its host key pinned, or left to first sight) and stores the key credential. */
    String server(String prefix, boolean pinHostKey) {
        String name = unique(prefix);
        admin.post("/servers", "{\"name\":" + Api.quote(name) + ",\"host\":\"127.0.0.1\",\"port\":" + target.port()
                + (pinHostKey ? ",\"hostKey\":" + Api.quote(target.hostKey()) : "") + "}").expect(201);
        admin.post("/servers/" + name + "/accounts", "{\"login\":" + Api.quote(TargetServer.LOGIN)
                + ",\"privateKey\":" + Api.quote(target.clientKey()) + "}").expect(201);
        return name;
    }

    /**
     * Registers the target sshd as a server whose only account is the privileged {@code login} (root, or a login
     * with passwordless sudo), which carries the sessions of every other login.
     */
    String privilegedServer(String prefix, String login) {
        String name = unique(prefix);
        admin.post("/servers", "{\"name\":" + Api.quote(name) + ",\"host\":\"127.0.0.1\",\"port\":" + target.port()
                + ",\"hostKey\":" + Api.quote(target.hostKey()) + "}").expect(201);
        admin.post("/servers/" + name + "/accounts", "{\"login\":" + Api.quote(login)
                + ",\"privateKey\":" + Api.quote(target.clientKey()) + ",\"privileged\":true}").expect(201);
        return name;
    }

    /** Stores the target's key as the credential of one more login on a server (the target accepts it for all its accounts). */
    void account(String server, String login) {
        admin.post("/servers/" + server + "/accounts", "{\"login\":" + Api.quote(login)
                + ",\"privateKey\":" + Api.quote(target.clientKey()) + "}").expect(201);
    }

    void grant(Person person, String server, String... logins) {
        admin.post("/grants", "{\"user\":" + Api.quote(person.name()) + ",\"server\":" + Api.quote(server)
                + ",\"logins\":[" + String.join(",", List.of(logins).stream().map(Api::quote).toList()) + "]}").expect(201);
    }

    /** A person granted the target account on a fresh server with a pinned host key. */
    Person personWithAccess(String prefix, String server) {
        Person p = person(prefix);
        grant(p, server, TargetServer.LOGIN);
        return p;
    }

    /** Waits (the audit of a session's end is written as the session closes) for a session row of this user. */
    JsonObject awaitSession(String user, Predicate<JsonObject> condition) {
        return awaitSession(user, condition, Duration.ofSeconds(15));
    }

    JsonObject awaitSession(String user, Predicate<JsonObject> condition, Duration timeout) {
        return awaitRow("/sessions?user=" + user, timeout, row -> user.equals(row.getString("user", null)) && condition.test(row),
                "session of " + user);
    }

    JsonObject awaitAuthEvent(String user, Predicate<JsonObject> condition) {
        return awaitRow("/audit/auth?user=" + user, Duration.ofSeconds(15), row -> user.equals(row.getString("user", null)) && condition.test(row),
                "authentication event of " + user);
    }

    /** The ids of a session's command audit rows with a verdict, as the audit holds them now. */
    Set<String> commandIds(String sessionId, String verdict) {
        return admin.get("/audit/commands?session=" + sessionId + "&verdict=" + verdict + "&limit=1000").expect(200).array().stream()
                .map(v -> v.asJsonObject().getString("id")).collect(Collectors.toSet());
    }

    /** Waits for a command audit row of a session (the connector delivers the audit in batches). */
    JsonObject awaitCommand(String sessionId, Predicate<JsonObject> condition, String what) {
        return awaitRow("/audit/commands?session=" + sessionId + "&limit=1000", Duration.ofSeconds(10), condition, what);
    }

    /** Waits for an alert of a session. */
    JsonObject awaitAlert(String sessionId, Predicate<JsonObject> condition, String what) {
        return awaitRow("/audit/alerts?session=" + sessionId + "&limit=1000", Duration.ofSeconds(10), condition, what);
    }

    /** Waits for a command audit row of any of a person's sessions. */
    JsonObject awaitCommandOf(String user, Predicate<JsonObject> condition, String what) {
        return awaitRow("/audit/commands?user=" + user + "&limit=1000", Duration.ofSeconds(20), condition, what);
    }

    /** Waits for a file transfer audit row of a person. */
    JsonObject awaitTransferOf(String user, Predicate<JsonObject> condition, String what) {
        return awaitRow("/audit/transfers?user=" + user + "&limit=1000", Duration.ofSeconds(20), condition, what);
    }

    /** Waits for an alert of any of a person's sessions. */
    JsonObject awaitAlertOf(String user, Predicate<JsonObject> condition, String what) {
        return awaitRow("/audit/alerts?user=" + user + "&limit=1000", Duration.ofSeconds(20), condition, what);
    }

    /** Polls an API listing until a row matches, and fails with the last listing when none does in time. */
    JsonObject awaitRow(String path, Duration timeout, Predicate<JsonObject> condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Api.Response r = admin.get(path).expect(200);
            last = r.body();
            Optional<JsonObject> row = r.array().stream().map(v -> (JsonObject) v).filter(condition).findFirst();
            if (row.isPresent()) {
                return row.get();
            }
            Processes.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("no matching " + what + " in " + path + ": " + last);
    }
}
