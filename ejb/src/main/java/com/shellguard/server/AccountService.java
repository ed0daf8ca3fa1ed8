package com.shellguard.server;

import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.adminaudit.ChangeFields;
import com.shellguard.common.Clock;
import com.shellguard.common.ConflictException;
import com.shellguard.common.Names;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import com.shellguard.connector.adapter.upstream.StoredPrivateKey;
import com.shellguard.vault.Vault;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The logins the gateway holds a credential for on each server; credentials go in sealed and never come out here. A
 * private key is read when it is stored, as the upstream connection reads it, so a key protected by a passphrase or a
 * broken one is refused then, not at the first session.
 *
 * <p>One account per server may be privileged (root, or a login with passwordless {@code sudo}): sessions for the
 * server's other logins then go through it and need no credential of their own (see {@code SessionService}). A
 * second privileged account is a conflict. Whether the login really is root or may use {@code sudo -n} is known
 * only when a session tries it: that session is refused with the target's answer.
 */
@Stateless
public class AccountService {

    private static final int MAX_SECRET = 16_384;

    @Inject
    ServerRepository servers;

    @Inject
    ServerService serverService;

    @Inject
    Vault vault;

    @Inject
    AdminChangeRecorder changes;

    public ServerAccount create(String serverName, String login, String password, String privateKey) {
        return create(serverName, login, password, privateKey, false);
    }

    public ServerAccount create(String serverName, String login, String password, String privateKey, boolean privileged) {
        Server server = serverService.get(serverName);
        Names.require("login", login);
        if (servers.account(server, login).isPresent()) {
            throw new ConflictException("account " + login + " on " + serverName + " exists already");
        }
        ServerAccount account = new ServerAccount(server, login, Clock.now());
        store(account, password, privateKey);
        if (privileged) {
            makePrivileged(account);
        }
        servers.addAccount(account);
        changes.record("account", resource(account), "create", null, fields(account));
        return account;
    }

    public ServerAccount update(String serverName, String login, String password, String privateKey) {
        return update(serverName, login, password, privateKey, null);
    }

    /** @param privileged null leaves the flag as it is */
    public ServerAccount update(String serverName, String login, String password, String privateKey, Boolean privileged) {
        ServerAccount account = get(serverName, login);
        ChangeFields before = fields(account);
        if (password != null || privateKey != null || privileged == null) {
            store(account, password, privateKey);
        }
        if (Boolean.TRUE.equals(privileged)) {
            makePrivileged(account);
        } else if (Boolean.FALSE.equals(privileged)) {
            account.setPrivileged(false);
        }
        changes.record("account", resource(account), "update", before, fields(account));
        return account;
    }

    /** The server's privileged account, if it has one. */
    public Optional<ServerAccount> privileged(Server server) {
        return servers.accounts(server).stream().filter(ServerAccount::isPrivileged).findFirst();
    }

    private void makePrivileged(ServerAccount account) {
        privileged(account.getServer()).filter(other -> !other.getLogin().equals(account.getLogin())).ifPresent(other -> {
            throw new ConflictException("server " + account.getServer().getName() + " has a privileged account already ("
                    + other.getLogin() + "): at most one per server");
        });
        account.setPrivileged(true);
    }

    public void delete(String serverName, String login) {
        ServerAccount account = get(serverName, login);
        changes.record("account", resource(account), "delete", fields(account), null);
        servers.removeAccount(account);
    }

    public ServerAccount get(String serverName, String login) {
        return servers.account(serverService.get(serverName), login)
                .orElseThrow(() -> new NotFoundException("no account " + login + " on " + serverName));
    }

    public List<ServerAccount> list(String serverName) {
        return servers.accounts(serverService.get(serverName));
    }

    private static String resource(ServerAccount account) {
        return account.getServer().getName() + "/" + account.getLogin();
    }

    /** An account as the admin audit shows it: the credential's kind, and the credential itself only as set or changed. */
    private static ChangeFields fields(ServerAccount account) {
        return ChangeFields.of().put("kind", account.getKind()).put("privileged", account.isPrivileged())
                .secret("credential", account.getSealedSecret());
    }

    private void store(ServerAccount account, String password, String privateKey) {
        if ((password == null) == (privateKey == null)) {
            throw new ValidationException("give exactly one of password or privateKey");
        }
        String secret = password != null ? password : privateKey;
        String field = password != null ? "password" : "privateKey";
        if (secret.isEmpty()) {
            throw new ValidationException(field + " must not be empty");
        }
        if (secret.length() > MAX_SECRET) {
            throw new ValidationException(field + " must be at most " + MAX_SECRET + " characters");
        }
        if (privateKey != null) {
            try {
                StoredPrivateKey.read(privateKey);
            } catch (IllegalArgumentException e) {
                throw new ValidationException("privateKey is refused: " + e.getMessage());
            }
        }
        account.storeCredential(password != null ? ServerAccount.Kind.PASSWORD : ServerAccount.Kind.PRIVATE_KEY,
                vault.seal(secret), Clock.now());
    }
}
