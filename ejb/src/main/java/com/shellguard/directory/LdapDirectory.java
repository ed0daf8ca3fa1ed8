package com.shellguard.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.TrustManager;

/**
 * Speaks to the configured directory, over TLS only: {@code ldaps://}, or {@code ldap://} upgraded with StartTLS
 * before anything is sent. The server's certificate must chain to {@code SHELLGUARD_LDAP_TLS_CA} (else the JVM's
 * trusted CAs) and name the URL's host. Each call opens its own connection, binds the service account, and closes.
 * Anything but a clear answer (unreachable, TLS refused, a timeout, the service account refused, an error result)
 * is a {@link DirectoryUnavailableException}, never a verdict.
 */
@ApplicationScoped
public class LdapDirectory {

    @Inject
    DirectorySettings settings;

    /** The person the directory holds under this name, with their groups; empty when it has none. */
    public Optional<DirectoryPerson> find(String name) {
        DirectoryConfig config = settings.config();
        try (LDAPConnection connection = connect(config)) {
            return person(connection, config, name);
        } catch (LDAPException e) {
            throw unavailable(config, e);
        }
    }

    /** Checks a password by binding as the person; never called with an empty password (an anonymous bind). */
    public DirectoryBind authenticate(String name, String password) {
        if (password == null || password.isEmpty()) {
            return DirectoryBind.refused("empty password");
        }
        DirectoryConfig config = settings.config();
        try (LDAPConnection connection = connect(config)) {
            Optional<DirectoryPerson> found = person(connection, config, name);
            if (found.isEmpty()) {
                return DirectoryBind.gone("unknown user (not in the directory)");
            }
            if (found.get().disabled()) {
                return DirectoryBind.gone("disabled in the directory");
            }
            try {
                connection.bind(new SimpleBindRequest(found.get().dn(), password));
            } catch (LDAPException e) {
                if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                    return DirectoryBind.refused("wrong password (directory)");
                }
                throw e;
            }
            return DirectoryBind.accepted(found.get());
        } catch (LDAPException e) {
            throw unavailable(config, e);
        }
    }

    private Optional<DirectoryPerson> person(LDAPConnection connection, DirectoryConfig config, String name) throws LDAPException {
        SearchRequest search = new SearchRequest(config.userBase(), SearchScope.SUB, config.userFilter(name),
                config.memberOfAttribute());
        search.setSizeLimit(2);
        search.setTimeLimitSeconds((int) config.timeout().toSeconds());
        SearchResult result;
        try {
            result = connection.search(search);
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                throw ambiguous(name);
            }
            throw e;
        }
        if (result.getEntryCount() > 1) {
            throw ambiguous(name); // a filter that matches several people names nobody: refuse rather than pick one
        }
        if (result.getEntryCount() == 0) {
            return Optional.empty();
        }
        SearchResultEntry entry = result.getSearchEntries().get(0);
        boolean disabled = config.disabledFilter().isPresent()
                && connection.search(entry.getDN(), SearchScope.BASE, config.disabledFilter().get(), "1.1").getEntryCount() > 0;
        return Optional.of(new DirectoryPerson(entry.getDN(), disabled, groups(connection, config, entry, name)));
    }

    private Set<String> groups(LDAPConnection connection, DirectoryConfig config, SearchResultEntry person, String name)
            throws LDAPException {
        Set<String> groups = new TreeSet<>();
        if (config.groupBase().isPresent()) {
            SearchRequest search = new SearchRequest(config.groupBase().get(), SearchScope.SUB,
                    config.groupFilter(person.getDN(), name), config.groupNameAttribute());
            search.setTimeLimitSeconds((int) config.timeout().toSeconds());
            for (SearchResultEntry group : connection.search(search).getSearchEntries()) {
                String groupName = group.getAttributeValue(config.groupNameAttribute());
                if (groupName != null) {
                    groups.add(groupName);
                }
            }
        } else {
            String[] memberOf = person.getAttributeValues(config.memberOfAttribute());
            for (String groupDn : memberOf == null ? new String[0] : memberOf) {
                String[] values = new DN(groupDn).getRDN().getAttributeValues();
                if (values.length > 0) {
                    groups.add(values[0]);
                }
            }
        }
        return groups;
    }

    private LDAPConnection connect(DirectoryConfig config) throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        int timeout = (int) config.timeout().toMillis();
        options.setConnectTimeoutMillis(timeout);
        options.setResponseTimeoutMillis(timeout);
        options.setFollowReferrals(false);
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        SSLUtil tls = new SSLUtil(trust(config));
        String host = config.url().getHost();
        int port = config.url().getPort();
        LDAPConnection connection;
        try {
            if (config.ldaps()) {
                connection = new LDAPConnection(tls.createSSLSocketFactory(), options, host, port);
            } else {
                connection = new LDAPConnection(options, host, port);
                try {
                    ExtendedResult started = connection.processExtendedOperation(new StartTLSExtendedRequest(tls.createSSLContext()));
                    if (started.getResultCode() != ResultCode.SUCCESS) {
                        throw new LDAPException(started.getResultCode(), "StartTLS refused: " + started.getDiagnosticMessage());
                    }
                } catch (LDAPException | RuntimeException e) {
                    connection.close();
                    throw e;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "TLS: " + e.getMessage(), e);
        }
        try {
            if (config.bindDn() != null) {
                connection.bind(new SimpleBindRequest(config.bindDn(), config.bindPassword()));
            }
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw new LDAPException(e.getResultCode(), "the service account " + config.bindDn() + " was refused: "
                    + e.getMessage(), e);
        }
    }

    private static TrustManager trust(DirectoryConfig config) throws LDAPException {
        if (config.tlsCa().isEmpty()) {
            return JVMDefaultTrustManager.getInstance();
        }
        try {
            return new PEMFileTrustManager(config.tlsCa().get().toFile()); // read on each connection: a replaced CA file counts at once
        } catch (java.security.KeyStoreException e) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "SHELLGUARD_LDAP_TLS_CA " + config.tlsCa().get() + ": " + e.getMessage(), e);
        }
    }

    private static LDAPException ambiguous(String name) {
        return new LDAPException(ResultCode.SIZE_LIMIT_EXCEEDED, "more than one directory entry matches " + name
                + " (SHELLGUARD_LDAP_USER_FILTER is too broad)");
    }

    private static DirectoryUnavailableException unavailable(DirectoryConfig config, LDAPException e) {
        return new DirectoryUnavailableException("the directory " + config.url() + " could not answer: "
                + e.getResultCode() + ": " + e.getMessage(), e);
    }
}
