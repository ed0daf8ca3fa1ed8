package com.shellguard.adminaudit;

import com.shellguard.common.AuditId;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One change an administrator made: who, when, from where, what, and the fields before and after (secrets never). */
@Entity
@Cacheable(false)
@Table(name = "sg_admin_change", indexes = {@Index(columnList = "change_time"), @Index(columnList = "resource_kind")})
public class AdminChange {

    /** The longest before or after text kept; a longer one is replaced by a note saying so. */
    static final int MAX_FIELDS = 16_384;

    @Id
    @Column(length = 36)
    private String id = AuditId.next();

    @Column(name = "change_time")
    private OffsetDateTime time;

    @Column(name = "user_name", length = 255)
    private String userName;

    @Column(name = "token_name", length = 128)
    private String tokenName;

    @Column(name = "source_address", length = 64)
    private String sourceAddress;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Channel channel;

    @Column(name = "resource_kind", length = 32)
    private String kind;

    @Column(length = 512)
    private String resource;

    @Column(length = 32)
    private String action;

    @Column(name = "fields_before", length = MAX_FIELDS)
    private String before;

    @Column(name = "fields_after", length = MAX_FIELDS)
    private String after;

    @Column(name = "changed_fields", length = 1024)
    private String changed;

    protected AdminChange() {
    }

    AdminChange(OffsetDateTime time, AdminActor actor, String kind, String resource, String action, ChangeDescription d) {
        this.time = time;
        this.userName = actor.user();
        this.tokenName = clip(actor.token(), 128);
        this.sourceAddress = clip(actor.sourceAddress(), 64);
        this.channel = actor.channel();
        this.kind = kind;
        this.resource = clip(resource, 512);
        this.action = action;
        this.before = fitting(d.before());
        this.after = fitting(d.after());
        this.changed = clip(String.join(",", d.changed()), 1024);
    }

    private static String fitting(String json) {
        return json == null || json.length() <= MAX_FIELDS ? json : "{\"truncated\":true}";
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public String getId() {
        return id;
    }

    public OffsetDateTime getTime() {
        return time;
    }

    public String getUserName() {
        return userName;
    }

    public String getTokenName() {
        return tokenName;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getKind() {
        return kind;
    }

    public String getResource() {
        return resource;
    }

    public String getAction() {
        return action;
    }

    /** The fields before, a JSON object; null for a creation. */
    public String getBefore() {
        return before;
    }

    /** The fields after, a JSON object; null for a deletion. */
    public String getAfter() {
        return after;
    }

    /** The names of the fields that changed, comma-separated. */
    public String getChanged() {
        return changed;
    }
}
