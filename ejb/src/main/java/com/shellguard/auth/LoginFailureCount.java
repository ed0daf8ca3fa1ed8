package com.shellguard.auth;

import com.shellguard.connector.api.SourceNetwork;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * The failed logins of one subject, an account name or a source address, counted in a window that opens at the
 * first failure. Reaching the limit locks the subject for the lock period and starts the count afresh. The row is
 * in the database, not in a node's memory or EclipseLink's shared cache, so every node of a cluster counts into
 * the same number and sees the same lock.
 */
@Entity
@Cacheable(false)
@Table(name = "sg_login_failure", indexes = @Index(columnList = "window_start"))
@NamedQuery(name = "LoginFailureCount.of", query = "select f from LoginFailureCount f where f.subject in :subjects")
@NamedQuery(name = "LoginFailureCount.forget", query = "delete from LoginFailureCount f where f.subject = :subject")
@NamedQuery(name = "LoginFailureCount.purge", query = "delete from LoginFailureCount f where (f.windowStart is null"
        + " or f.windowStart < :windowOpenedBefore) and (f.lockedUntil is null or f.lockedUntil < :now)")
public class LoginFailureCount {

    private static final int MAX_SUBJECT = 255;

    @Id
    @Column(length = MAX_SUBJECT)
    private String subject;

    private int failures;

    @Column(name = "window_start")
    private OffsetDateTime windowStart;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    protected LoginFailureCount() {
    }

    LoginFailureCount(String subject) {
        this.subject = subject;
    }

    /** The subject of an account name; unknown names get one too, so a lock does not tell which names exist. */
    static String account(String name) {
        return subject("account:", name == null ? "" : name);
    }

    /**
     * The subject of a source address given as the audit writes it, {@code host:port} (IPv6 hosts included): the
     * host's {@link SourceNetwork}, since each new connection comes from a new port (and, in IPv6, may come from a new
     * address of the client's /64); a host that is no address literal as it is.
     */
    static String address(String source) {
        int port = source.lastIndexOf(':');
        String host = port < 0 ? source : source.substring(0, port);
        return subject("address:", SourceNetwork.ofLiteral(host).map(SourceNetwork::toString).orElse(host));
    }

    private static String subject(String kind, String value) {
        if (kind.length() + value.length() <= MAX_SUBJECT) {
            return kind + value;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return kind + "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String subject() {
        return subject;
    }

    int failures() {
        return failures;
    }

    OffsetDateTime lockedUntil() {
        return lockedUntil;
    }

    boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts one failure at {@code now}; a window that has ended starts again with it. The {@code limit}th failure
     * within a window locks the subject until {@code now + lockPeriod}; a limit of 0 never locks.
     */
    void failedAt(OffsetDateTime now, int limit, Duration window, Duration lockPeriod) {
        if (windowStart == null || !now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            failures = 0;
        }
        failures++;
        if (limit > 0 && failures >= limit) {
            lockedUntil = now.plus(lockPeriod);
            windowStart = null;
            failures = 0;
        }
    }
}
