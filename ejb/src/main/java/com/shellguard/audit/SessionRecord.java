package com.shellguard.audit;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import com.shellguard.common.Texts;
import java.time.OffsetDateTime;

/**
 * A session's audit row. Not kept in the shared cache: the node that relays a session changes its row (hook
 * status, end, termination) while others read it, and a cached copy on another node would show the session
 * open for ever (a terminate request for it accepted, its recording "live").
 */
@Entity
@Cacheable(false)
@Table(name = "sg_session", indexes = {@Index(columnList = "started"), @Index(columnList = "user_name")})
public class SessionRecord {

    /** How the message of a session closed by a survivor for its lost node starts. */
    public static final String NODE_LOST = "NODE_LOST: ";

    /** What follows in that message once the node, alive after all, reported the session's own end. */
    public static final String ALIVE_AFTER_ALL = "; the node was alive after all: ";

    @Id
    @Column(length = 64)
    private String id;

    @Column(name = "user_name", length = 128)
    private String userName;

    @Column(name = "server_name", length = 128)
    private String serverName;

    @Column(length = 128)
    private String login;

    /** The server's privileged account when it carried the session for {@link #login}; null otherwise. */
    @Column(name = "privileged_account", length = 128)
    private String privilegedAccount;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(name = "channel_kind", length = 16)
    private String kind;

    @Column(length = 4096)
    private String command;

    @Column(name = "gateway_node", length = 255)
    private String gatewayNode;

    private OffsetDateTime started;

    private OffsetDateTime ended;

    @Column(name = "bytes_from_client")
    private long bytesFromClient;

    @Column(name = "bytes_to_client")
    private long bytesToClient;

    @Column(name = "exit_status")
    private Integer exitStatus;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private SessionStatus status;

    @Column(length = 1024)
    private String message;

    @Column(name = "hook_state", length = 16)
    private String hookState;

    @Column(name = "hook_shell", length = 64)
    private String hookShell;

    @Column(name = "hook_detail", length = 1024)
    private String hookDetail;

    /** Whose account command control ran as: same-account or privileged. */
    @Column(name = "hook_tier", length = 16)
    private String hookTier;

    /** The layers of command control that armed, space separated: hook lane guard supervisor. */
    @Column(name = "hook_layers", length = 64)
    private String hookLayers;

    protected SessionRecord() {
    }

    public SessionRecord(String id, String userName, String serverName, String login, String clientAddress, String kind,
                         String command, String gatewayNode, OffsetDateTime started) {
        this.id = id;
        this.userName = userName;
        this.serverName = serverName;
        this.login = login;
        this.clientAddress = clientAddress;
        this.kind = kind;
        this.command = Texts.clip(command, 4096);
        this.gatewayNode = gatewayNode;
        this.started = started;
        this.status = SessionStatus.OPEN;
    }

    /** The login actually used, also when the grant chose it. */
    public void assignLogin(String chosen) {
        this.login = chosen;
    }

    /**
     * The session runs as its login but was carried by the server's privileged account (the gateway logged in as
     * that account and started the login's session under a root supervisor): the login stays the one worked as.
     */
    public void carriedBy(String privilegedLogin) {
        this.privilegedAccount = privilegedLogin;
    }

    public void refuse(String reason, OffsetDateTime at) {
        this.status = SessionStatus.REFUSED;
        this.message = clip(reason);
        this.ended = at;
    }

    public void end(long fromClient, long toClient, Integer exit, String failure, OffsetDateTime at) {
        this.bytesFromClient = fromClient;
        this.bytesToClient = toClient;
        this.exitStatus = exit;
        this.status = failure == null ? SessionStatus.CLOSED : SessionStatus.FAILED;
        this.message = clip(failure);
        this.ended = at;
    }

    /**
     * Whether another node closed this row because it took the session's node for lost, and the node has not reported
     * the session's own end since.
     */
    public boolean closedAsLost() {
        return status == SessionStatus.FAILED && message != null && message.startsWith(NODE_LOST)
                && !message.contains(ALIVE_AFTER_ALL);
    }

    /**
     * The node another one took for lost was alive, and reports the session's real end: its time and counts replace the
     * survivor's guess; the row stays {@code FAILED}, its message says both what the survivor saw and how it ended.
     */
    public void endAfterTakenForLost(long fromClient, long toClient, Integer exit, String failure, OffsetDateTime at) {
        this.bytesFromClient = fromClient;
        this.bytesToClient = toClient;
        this.exitStatus = exit;
        this.message = clip(message + ALIVE_AFTER_ALL + "the session ran on until it ended"
                + (failure == null ? "" : " (" + failure + ")"));
        this.ended = at;
    }

    /** An administrator ended the session (after {@link #end} recorded how far it got). */
    public void terminatedBy(String administrator) {
        this.status = SessionStatus.TERMINATED;
        this.message = clip("terminated by administrator " + administrator);
    }

    /** The gateway ended the session for {@code reason} (its access expired). */
    public void terminatedFor(String reason) {
        this.status = SessionStatus.TERMINATED;
        this.message = clip(reason);
    }

    /** Whether the session's commands ran under the shell hook (ARMED, UNAVAILABLE, NOT_APPLICABLE), as the connector saw it. */
    public void reportHook(String state, String shell, String detail) {
        this.hookState = state;
        this.hookShell = Texts.clip(shell, 64);
        this.hookDetail = clip(detail);
    }

    /** The tier and layers of command control the session got (null tier: none installed). */
    public void reportHookLayers(String tier, java.util.List<String> layers) {
        this.hookTier = tier;
        this.hookLayers = layers == null || layers.isEmpty() ? null : Texts.clip(String.join(" ", layers), 64);
    }

    public String getHookTier() {
        return hookTier;
    }

    public String getHookLayers() {
        return hookLayers;
    }

    private static String clip(String s) {
        return Texts.clip(s, 1024);
    }

    public String getId() {
        return id;
    }

    public String getUserName() {
        return userName;
    }

    public String getServerName() {
        return serverName;
    }

    public String getLogin() {
        return login;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getKind() {
        return kind;
    }

    public String getCommand() {
        return command;
    }

    public String getGatewayNode() {
        return gatewayNode;
    }

    public OffsetDateTime getStarted() {
        return started;
    }

    public OffsetDateTime getEnded() {
        return ended;
    }

    public long getBytesFromClient() {
        return bytesFromClient;
    }

    public long getBytesToClient() {
        return bytesToClient;
    }

    public Integer getExitStatus() {
        return exitStatus;
    }

    public SessionStatus getStatus() {
        return status;
    }

    public String getMessage() {
        return message;
    }

    public String getHookState() {
        return hookState;
    }

    public String getHookShell() {
        return hookShell;
    }

    public String getHookDetail() {
        return hookDetail;
    }

    /** The privileged account that carried the session, or null when it logged in as its own login. */
    public String getPrivilegedAccount() {
        return privilegedAccount;
    }
}
