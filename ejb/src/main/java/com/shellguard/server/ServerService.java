package com.shellguard.server;

import com.shellguard.common.Clock;
import com.shellguard.common.ConflictException;
import com.shellguard.common.Names;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import com.shellguard.grant.GrantRepository;
import com.shellguard.openssh.SshPublicKey;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Creating, changing and removing server entries. */
@Stateless
public class ServerService {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:_-]{1,255}");
    private static final int MAX_DESCRIPTION = 1024;

    @Inject
    ServerRepository servers;

    @Inject
    GrantRepository grants;

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
                server.forgetHostKey();
            } else {
                server.pinHostKey(hostKey(draft.hostKey()), Clock.now());
            }
        }
        if (draft.labels() != null) {
            Set<String> labels = new TreeSet<>();
            draft.labels().forEach(l -> labels.add(Names.require("labels[]", l)));
            server.setLabels(labels);
        }
        if (draft.description() != null) {
            if (draft.description().length() > MAX_DESCRIPTION) {
                throw new ValidationException("description must be at most " + MAX_DESCRIPTION + " characters");
            }
            server.setDescription(draft.description());
        }
    }

    private static SshPublicKey hostKey(String text) {
        try {
            return SshPublicKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("hostKey is not a valid OpenSSH public key: " + e.getMessage());
        }
    }
}
