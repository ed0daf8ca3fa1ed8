package com.shellguard.console.servers;

import com.shellguard.console.AdminOnly;
import com.shellguard.console.EditorPage;
import com.shellguard.server.PinnedHostKey;
import com.shellguard.server.Server;
import com.shellguard.server.ServerCheck;
import com.shellguard.server.ServerCheckService;
import com.shellguard.server.ServerDraft;
import com.shellguard.server.ServerService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Servers: the list with each one's pinned host keys, one form to add or change a server, and "test connection",
 * which reaches the server from this node and compares the host keys it proves with the pinned ones (reading only,
 * so auditors may test too). The host keys field takes keys one per line, {@code ssh-keyscan} output as it is
 * printed; clearing it forgets the pinned keys.
 */
@Named
@ViewScoped
public class ServersPage extends EditorPage<Server> {

    private static final long serialVersionUID = 1L;

    @Inject
    ServerService servers;

    @Inject
    ServerCheckService checks;

    private String name;
    private String host;
    private Integer port = 22;
    private List<String> labels = new ArrayList<>();
    private String hostKey;
    private String description;
    private String checked;
    private ServerCheck check;

    @Override
    protected List<Server> loadRows() {
        return servers.list();
    }

    public void edit(String server) {
        Server s = servers.get(server);
        editing = s.getName();
        name = s.getName();
        host = s.getHost();
        port = s.getPort();
        labels = new ArrayList<>(s.getLabels());
        hostKey = s.getHostKeys().stream().map(PinnedHostKey::getHostKey).collect(Collectors.joining("\n"));
        description = s.getDescription();
    }

    public void startNew() {
        editing = null;
        name = null;
        host = null;
        port = 22;
        labels = new ArrayList<>();
        hostKey = null;
        description = null;
    }

    @AdminOnly
    public void save() {
        // on create an empty key field means "pin on first contact"; on an edit it forgets the pinned keys
        String key = hostKey == null || hostKey.isBlank() ? (editing == null ? null : "") : hostKey;
        ServerDraft draft = new ServerDraft(name, host, port, key, null, new LinkedHashSet<>(labels), description);
        if (saved("server " + name, () -> servers.create(draft), () -> servers.update(editing, draft))) {
            edit(name);
        }
    }

    @AdminOnly
    public void delete(String server) {
        deleted("server " + server, server, () -> servers.delete(server));
    }

    public void test(String server) {
        checked = server;
        check = checks.check(server);
    }

    public String getChecked() {
        return checked;
    }

    public ServerCheck getCheck() {
        return check;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public List<String> getLabels() {
        return labels;
    }

    public void setLabels(List<String> labels) {
        this.labels = labels == null ? new ArrayList<>() : labels;
    }

    public String getHostKey() {
        return hostKey;
    }

    public void setHostKey(String hostKey) {
        this.hostKey = hostKey;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
