package com.shellguard.server;

import com.shellguard.common.Clock;
import com.shellguard.common.ConflictException;
import com.shellguard.common.Names;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import com.shellguard.grant.GrantRepository;
import com.shellguard.user.SshPublicKey;
import com.shellguard.vault.Vault;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/** Server entries, their stored credentials, and the host-key decision for each connection. */
@Stateless
public class ServerService {

    private static final Logger LOG = Logger.getLogger(ServerService.class.getName());
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:_-]{1,255}");

    @Inject
    ServerRepository servers;

    @Inject
    GrantRepository grants;

    @Inject
    Vault vault;

    public Server create(ServerDraft draft) {
        String name = Names.require("name", draft.name());
        if (servers.find(name).isPresent()) {
            throw new ConflictException("server " + name + " exists already");
        }
        if (draft.host() == null) {
            throw new ValidationException("host is required");
        }
        Server server = new Server(name, Clock.now());
        apply(server, draft);
        servers.add(server);
        return server;
    }

    public Server update(String name, ServerDraft draft) {
        Server server = get(name);
        if (draft.name() != null && !draft.name().equals(name)) {
            throw new ValidationException("name cannot be changed (" + name + ")");
        }
        apply(server, draft);
        return server;
    }

    public void delete(String name) {
        Server server = get(name);
        grants.removeForServer(name);
        servers.remove(server);
    }

    public Server get(String name) {
        return servers.find(name).orElseThrow(() -> new NotFoundException("no server " + name));
    }

    public List<Server> list() {
        return servers.all();
    }

    private void apply(Server server, ServerDraft draft) {
        if (draft.host() != null) {
            if (!HOST.matcher(draft.host()).matches()) {
                throw new ValidationException("host \"" + draft.host() + "\" is not a host name or address");
            }
            server.setHost(draft.host());
        }
        if (draft.port() != null) {
            if (draft.port() < 1 || draft.port() > 65535) {
                throw new ValidationException("port must be between 1 and 65535");
            }
            server.setPort(draft.port());
        }
        if (draft.hostKey() != null) {
            if (draft.hostKey().isBlank()) {
                server.pinHostKey(null, null);
            } else {
                try {
                    server.pinHostKey(SshPublicKey.parse(draft.hostKey()).toString(), Clock.now());
                } catch (IllegalArgumentException e) {
                    throw new ValidationException("hostKey is not a valid OpenSSH public key: " + e.getMessage());
                }
            }
        }
        if (draft.labels() != null) {
            Set<String> labels = new TreeSet<>();
            draft.labels().forEach(l -> labels.add(Names.require("labels[]", l)));
            server.setLabels(labels);
        }
        if (draft.description() != null) {
            server.setDescription(draft.description());
        }
    }

    /** Checks a presented host key; pins it when none is pinned yet. */
    public HostKeyCheck verifyHostKey(String serverName, String presented) {
        Server server = get(serverName);
        HostKeyCheck check = HostKeyCheck.of(serverName, server.getHostKey(), presented);
        if (check.outcome() == HostKeyCheck.Outcome.PIN_FIRST_SEEN) {
            server.pinHostKey(SshPublicKey.parse(presented).toString(), Clock.now());
            LOG.info(check::message);
        } else if (check.outcome() == HostKeyCheck.Outcome.CHANGED) {
            LOG.warning(check::message);
        }
        return check;
    }

    // accounts

    public ServerAccount storeAccount(String serverName, String login, String password, String privateKey, boolean create) {
        Server server = get(serverName);
        Names.require("login", login);
        ServerAccount account = servers.account(server, login).orElse(null);
        if (create && account != null) {
            throw new ConflictException("account " + login + " on " + serverName + " exists already");
        }
        if (!create && account == null) {
            throw new NotFoundException("no account " + login + " on " + serverName);
        }
        if ((password == null) == (privateKey == null)) {
            throw new ValidationException("give exactly one of password or privateKey");
        }
        if (privateKey != null && !privateKey.contains("PRIVATE KEY-----")) {
            throw new ValidationException("privateKey must be an OpenSSH or PEM private key (-----BEGIN ... PRIVATE KEY-----)");
        }
        if (account == null) {
            account = new ServerAccount(server, login, Clock.now());
            servers.addAccount(account);
        }
        account.storeCredential(password != null ? ServerAccount.Kind.PASSWORD : ServerAccount.Kind.PRIVATE_KEY,
                vault.seal(password != null ? password : privateKey), Clock.now());
        return account;
    }

    public List<ServerAccount> accounts(String serverName) {
        return servers.accounts(get(serverName));
    }

    public ServerAccount account(String serverName, String login) {
        return servers.account(get(serverName), login)
                .orElseThrow(() -> new NotFoundException("no account " + login + " on " + serverName));
    }

    public void deleteAccount(String serverName, String login) {
        servers.removeAccount(account(serverName, login));
    }
}
