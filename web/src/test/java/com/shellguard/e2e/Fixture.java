package com.shellguard.e2e;

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
            // every person of every test class logs in from 127.0.0.1, as a company behind one NAT address would:
            // the per-address throttle is off here, and LoginLockoutIT proves it on a node of its own
            GatewayNode gateway = GatewayNode.start(java.util.Map.of("SHELLGUARD_LOCKOUT_ADDRESS_FAILURES", "0"));
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
}
