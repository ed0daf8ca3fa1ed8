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
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** Where the last use came from (the client's address); null before the first use. */
    @Column(name = "last_used_from", length = 64)
    private String lastUsedFrom;

    /**
     * The scopes, comma-separated wire names. Null on tokens issued before scopes existed: they did everything
     * their owner's role allows on {@code /api/v1}, so they read as {@link TokenScope#ADMIN} (V4 writes it).
     */
    @Column(length = 64)
    private String scopes;

    /** When the token stops working; null: never. */
    private OffsetDateTime expires;

    protected ApiToken() {
    }

    public ApiToken(String name, String owner, String tokenValue, OffsetDateTime created, Collection<TokenScope> scopes,
                    OffsetDateTime expires) {
        this.name = name;
        this.owner = owner;
        this.tokenHash = hashOf(tokenValue);
        this.created = created;
        this.scopes = EnumSet.copyOf(scopes).stream().map(TokenScope::wire).collect(Collectors.joining(","));
        this.expires = expires;
    }

    /** What is stored instead of a token: its SHA-256, in hex. */
    public static String hashOf(String tokenValue) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tokenValue.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void used(OffsetDateTime at, String from) {
        this.lastUsed = at;
        this.lastUsedFrom = from == null || from.length() <= 64 ? from : from.substring(0, 64);
    }

    public Set<TokenScope> getScopes() {
        if (scopes == null || scopes.isBlank()) {
            return EnumSet.of(TokenScope.ADMIN);
        }
        return Arrays.stream(scopes.split(",")).map(TokenScope::of).collect(Collectors.toCollection(() -> EnumSet.noneOf(TokenScope.class)));
    }

    public OffsetDateTime getExpires() {
        return expires;
    }

    public boolean isExpiredAt(OffsetDateTime now) {
        return expires != null && !now.isBefore(expires);
    }

    public String getLastUsedFrom() {
        return lastUsedFrom;
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
