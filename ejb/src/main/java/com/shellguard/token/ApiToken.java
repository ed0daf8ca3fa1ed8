package com.shellguard.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;

@Entity
@Table(name = "sg_api_token")
@NamedQuery(name = "ApiToken.byHash", query = "select t from ApiToken t where t.tokenHash = :hash")
@NamedQuery(name = "ApiToken.all", query = "select t from ApiToken t order by t.created")
@NamedQuery(name = "ApiToken.ofOwner", query = "select t from ApiToken t where t.owner = :owner")
public class ApiToken {

    @Id
    @Column(length = 36)
    private String id = UUID.randomUUID().toString();

    @Column(nullable = false, length = 128)
    private String name;

    @Column(name = "owner_name", nullable = false, length = 128)
    private String owner;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    private OffsetDateTime created;

    @Column(name = "last_used")
    private OffsetDateTime lastUsed;

    protected ApiToken() {
    }

    public ApiToken(String name, String owner, String tokenValue, OffsetDateTime created) {
        this.name = name;
        this.owner = owner;
        this.tokenHash = hashOf(tokenValue);
        this.created = created;
    }

    /** What is stored instead of a token: its SHA-256, in hex. */
    public static String hashOf(String tokenValue) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tokenValue.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void used(OffsetDateTime at) {
        this.lastUsed = at;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getOwner() {
        return owner;
    }

    public OffsetDateTime getCreated() {
        return created;
    }

    public OffsetDateTime getLastUsed() {
        return lastUsed;
    }
}
