package com.shellguard.user;

import com.shellguard.openssh.SshPublicKey;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

@Entity
@Table(name = "sg_user")
@NamedQuery(name = "GatewayUser.byName", query = "select u from GatewayUser u where u.username = :name")
@NamedQuery(name = "GatewayUser.all", query = "select u from GatewayUser u order by u.username")
@NamedQuery(name = "GatewayUser.countByRole", query = "select count(u) from GatewayUser u where u.role = :role")
@NamedQuery(name = "GatewayUser.countEnabledByRole",
        query = "select count(u) from GatewayUser u where u.role = :role and u.enabled = true")
@NamedQuery(name = "GatewayUser.enabledRole",
        query = "select u.role from GatewayUser u where u.username = :name and u.enabled = true")
@NamedQuery(name = "GatewayUser.inGroup", query = "select u from GatewayUser u join u.groups g where g = :group order by u.username")
public class GatewayUser {

    @Id
    @Column(length = 36)
    private String id = UUID.randomUUID().toString();

    @Column(nullable = false, unique = true, length = 128)
    private String username;

    @Column(name = "password_hash", length = 256)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role = Role.USER;

    private boolean enabled = true;

    /**
     * Whether the directory is this account's source: its password, role and groups are the directory's. A wrapper,
     * so rows made before the column existed (null) read as local accounts.
     */
    @Column(name = "directory_account")
    private Boolean directory;

    /** Whether the identity provider is this account's source: made by a single sign-on, it has no local password. */
    @Column(name = "federated_account")
    private Boolean federated;

    /** When the federated person last signed on over SSH, from which their key window runs; null: never. */
    @Column(name = "sso_ssh_signed_on")
    private OffsetDateTime ssoSshSignedOn;

    /** The provider person (issuer and subject) a federated account belongs to; null until its first sign-on binds it. */
    @Column(name = "sso_issuer", length = 1024)
    private String ssoIssuer;

    @Column(name = "sso_subject", length = 255)
    private String ssoSubject;

    private OffsetDateTime created;

    /** The identity provider's own id for this person (SCIM {@code externalId}); null for accounts SCIM never touched. */
    @Column(name = "external_id", length = 256)
    private String externalId;

    @Column(name = "display_name", length = 256)
    private String displayName;

    /** Whether SCIM created or has taken over this account (see the scim package for the rule); null reads as no. */
    @Column(name = "scim_managed")
    private Boolean scimManaged;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sg_user_email", joinColumns = @JoinColumn(name = "user_id"))
    private List<EmailAddress> emails = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sg_user_key", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "public_key", length = 8192)
    private List<String> publicKeys = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sg_user_group", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "group_name", length = 128)
    private Set<String> groups = new TreeSet<>();

    protected GatewayUser() {
    }

    public GatewayUser(String username, OffsetDateTime created) {
        this.username = username;
        this.created = created;
    }

    public boolean acceptsPassword(String password) {
        if (!enabled || passwordHash == null) {
            PasswordHasher.spendVerificationTime(password);
            return false;
        }
        return PasswordHasher.matches(password, passwordHash);
    }

    public boolean acceptsKey(String publicKey) {
        return enabled && publicKeys.stream().anyMatch(k -> SshPublicKey.sameKey(k, publicKey));
    }

    /** Changes whenever the password or the role changes; lets caches of verified credentials notice. */
    public String credentialStamp() {
        return role + "/" + passwordHash;
    }

    /** Changes whenever the password does, and tells nothing of it to someone who sees it compared; null without one. */
    public String passwordStamp() {
        return passwordHash;
    }

    public void changePassword(String password) {
        this.passwordHash = password == null ? null : PasswordHasher.hash(password);
    }

    public String getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isFederated() {
        return Boolean.TRUE.equals(federated);
    }

    /** Makes this the identity provider's account: it logs in by single sign-on only. */
    public void becomeFederatedAccount() {
        federated = true;
        passwordHash = null;
    }

    /**
     * Whether a federated account's registered keys are accepted now: within {@code window} (the current setting, so
     * a lowered one closes windows at once) after its last single sign-on over SSH.
     */
    public boolean keysAcceptedAt(OffsetDateTime now, java.time.Duration window) {
        return ssoSshSignedOn != null && !window.isZero() && now.isBefore(ssoSshSignedOn.plus(window));
    }

    public void signedOnOverSsh(OffsetDateTime when) {
        ssoSshSignedOn = when;
    }

    /**
     * Whether the provider person (issuer, subject) may sign this federated account on: the one it is bound to, or
     * anyone while it is unbound, who then becomes its person.
     */
    public boolean bindSignOn(String issuer, String subject) {
        if (ssoSubject == null) {
            ssoIssuer = issuer;
            ssoSubject = subject;
            return true;
        }
        return ssoSubject.equals(subject) && issuer.equals(ssoIssuer);
    }

    /** Lets the next sign-on bind the account to whoever signs on as its name (an admin decided who that is); closes its key window. */
    public void unbindSignOn() {
        ssoIssuer = null;
        ssoSubject = null;
        ssoSshSignedOn = null;
    }

    public String getSsoIssuer() {
        return ssoIssuer;
    }

    public String getSsoSubject() {
        return ssoSubject;
    }

    public boolean isDirectory() {
        return Boolean.TRUE.equals(directory);
    }

    /** Makes this the directory's account: its local password is dropped and never used again. */
    public void becomeDirectoryAccount() {
        directory = true;
        passwordHash = null;
    }

    public OffsetDateTime getCreated() {
        return created;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public boolean isScimManaged() {
        return Boolean.TRUE.equals(scimManaged);
    }

    public void becomeScimManaged() {
        scimManaged = true;
    }

    public List<EmailAddress> getEmails() {
        return List.copyOf(emails);
    }

    public void setEmails(List<EmailAddress> addresses) {
        emails.clear();
        emails.addAll(addresses);
    }

    public List<String> getPublicKeys() {
        return List.copyOf(publicKeys);
    }

    public void setPublicKeys(List<String> keys) {
        publicKeys.clear();
        publicKeys.addAll(keys);
    }

    public Set<String> getGroups() {
        return Set.copyOf(groups);
    }

    public void setGroups(Set<String> names) {
        groups.clear();
        groups.addAll(names);
    }

    public void joinGroup(String group) {
        groups.add(group);
    }

    public void leaveGroup(String group) {
        groups.remove(group);
    }
}
