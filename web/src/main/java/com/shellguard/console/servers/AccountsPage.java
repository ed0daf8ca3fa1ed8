package com.shellguard.console.servers;

import com.shellguard.console.AdminOnly;
import com.shellguard.console.Feedback;
import com.shellguard.server.AccountService;
import com.shellguard.server.Server;
import com.shellguard.server.ServerAccount;
import com.shellguard.server.ServerService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The accounts the gateway logs in as on one server. Credentials are write-only: the page never receives a
 * stored secret, only whether it is a password or a private key and when it was set; saving an account
 * replaces its credential. One account may be marked privileged: it carries the server's other logins' sessions.
 */
@Named
@ViewScoped
public class AccountsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum CredentialKind { PASSWORD, PRIVATE_KEY }

    @Inject
    AccountService accounts;

    @Inject
    ServerService serverService;

    private String server;
    private transient List<Server> servers;
    private transient List<ServerAccount> rows;
    private String login;
    private CredentialKind kind = CredentialKind.PRIVATE_KEY;
    private String secret;
    private boolean privileged;

    public List<Server> getServers() {
        if (servers == null) {
            servers = serverService.list();
        }
        return servers;
    }

    public List<ServerAccount> getRows() {
        if (rows == null) {
            rows = server == null || server.isEmpty() ? List.of() : accounts.list(server);
        }
        return rows;
    }

    /** Opens the accounts of the server picked, at an address that names it (so it can be bookmarked). */
    public String show() {
        return "/console/accounts?faces-redirect=true&includeViewParams=true";
    }

    public void edit(String account) {
        login = account;
        secret = null;
        privileged = getRows().stream().anyMatch(a -> a.getLogin().equals(account) && a.isPrivileged());
    }

    @AdminOnly
    public void save() {
        String password = kind == CredentialKind.PASSWORD ? secret : null;
        String privateKey = kind == CredentialKind.PRIVATE_KEY ? secret : null;
        boolean exists = getRows().stream().anyMatch(a -> a.getLogin().equals(login));
        if (Feedback.attempt(() -> {
            if (exists) {
                accounts.update(server, login, password, privateKey, privileged);
            } else {
                accounts.create(server, login, password, privateKey, privileged);
            }
        }, (exists ? "Replaced the credential of " : "Added account ") + login + " on " + server + ".")) {
            secret = null;
            rows = null;
        }
    }

    @AdminOnly
    public void delete(String account) {
        if (Feedback.attempt(() -> accounts.delete(server, account), "Deleted account " + account + " on " + server + ".")) {
            rows = null;
        }
    }

    public CredentialKind[] getKinds() {
        return CredentialKind.values();
    }

    public String getServer() {
        return server;
    }

    public void setServer(String server) {
        this.server = server;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public CredentialKind getKind() {
        return kind;
    }

    public void setKind(CredentialKind kind) {
        this.kind = kind;
    }

    public boolean isPrivileged() {
        return privileged;
    }

    public void setPrivileged(boolean privileged) {
        this.privileged = privileged;
    }

    public String getSecret() {
        return null;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }
}
