package com.shellguard.server;

import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.adminaudit.ChangeFields;
import com.shellguard.common.Clock;
import com.shellguard.common.ConflictException;
import com.shellguard.common.Names;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import com.shellguard.grant.GrantRepository;
import com.shellguard.openssh.HostKeyLines;
import com.shellguard.openssh.SshPublicKey;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
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

    @Inject
    AdminChangeRecorder changes;

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
        changes.record("server", name, "create", null, fields(server));
        return server;
    }

    public Server update(String name, ServerDraft draft) {
        Server server = get(name);
        if (draft.name() != null && !draft.name().equals(name)) {
            throw new ValidationException("name cannot be changed (" + name + ")");
        }
        ChangeFields before = fields(server);
        apply(server, draft);
        changes.record("server", name, "update", before, fields(server));
        return server;
    }

    public void delete(String name) {
        Server server = get(name);
        changes.record("server", name, "delete", fields(server), null);
        grants.removeForServer(name);
        servers.remove(server);
    }

    public Server get(String name) {
        return servers.find(name).orElseThrow(() -> new NotFoundException("no server " + name));
    }

    public List<Server> list() {
        return servers.all();
    }

    /** A server as the admin audit shows it: its pinned host keys by type and fingerprint. */
    static ChangeFields fields(Server server) {
        return ChangeFields.of().put("host", server.getHost()).put("port", server.getPort()).put("labels", server.getLabels())
                .put("description", server.getDescription())
                .put("hostKeys", server.getHostKeys().stream().map(k -> k.getType() + " " + k.getFingerprint()).sorted().toList());
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
        if (draft.hostKey() != null && draft.hostKeys() != null) {
            throw new ValidationException("give hostKey or hostKeys, not both");
        }
        if (draft.hostKey() != null) {
            pin(server, draft.hostKey().isBlank() ? List.of() : hostKeys("hostKey", draft.hostKey()));
        }
        if (draft.hostKeys() != null) {
            List<SshPublicKey> keys = new ArrayList<>();
            for (int i = 0; i < draft.hostKeys().size(); i++) {
                hostKeys("hostKeys[" + i + "]", draft.hostKeys().get(i)).stream().filter(k -> !keys.contains(k)).forEach(keys::add);
            }
            pin(server, keys);
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

    /** Pins exactly {@code keys}; none forgets the pinned keys, so the next session pins what the server proves. */
    private static void pin(Server server, List<SshPublicKey> keys) {
        if (keys.isEmpty()) {
            server.forgetHostKeys();
        } else {
            server.replaceHostKeys(keys, Clock.now());
        }
    }

    private static List<SshPublicKey> hostKeys(String field, String text) {
        try {
            return HostKeyLines.parse(field, text);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(e.getMessage());
        }
    }
}
