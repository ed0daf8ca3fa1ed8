package com.shellguard.e2e;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * One target sshd and one gateway node shared by the end-to-end test classes (a node takes seconds to
 * start), plus the provisioning an admin does through the REST API: people, servers, accounts, grants.
 * Every test makes its own uniquely named people and servers, so tests do not see each other's data.
 */
final class Fixture extends Provisioning {

    private static Fixture shared;

    final GatewayNode gateway;

    private Fixture(TargetServer target, GatewayNode gateway) {
        super(gateway.admin(), target);
        this.gateway = gateway;
    }

    static synchronized Fixture shared() {
        if (shared == null) {
            TargetServer target = TargetServer.start();
            GatewayNode gateway = GatewayNode.start(GatewayNode.noExtraEnvironment());
            shared = new Fixture(target, gateway);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                gateway.close();
                target.close();
            }));
        }
        return shared;
    }

    OpenSshClient keyClient(Person person) {
        return OpenSshClient.withKey(gateway.sshPort(), person.key());
    }

    OpenSshClient passwordClient(String password) {
        return OpenSshClient.withPassword(gateway.sshPort(), password);
    }

    /** Waits (the audit of a session's end is written as the session closes) for a session row of this user. */
    JsonObject awaitSession(String user, Predicate<JsonObject> condition) {
        return awaitRow("/sessions", row -> user.equals(row.getString("user", null)) && condition.test(row),
                "session of " + user);
    }

    JsonObject awaitAuthEvent(String user, Predicate<JsonObject> condition) {
        return awaitRow("/audit/auth?user=" + user, row -> user.equals(row.getString("user", null)) && condition.test(row),
                "authentication event of " + user);
    }

    private JsonObject awaitRow(String path, Predicate<JsonObject> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
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
