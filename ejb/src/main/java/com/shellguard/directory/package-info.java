/**
 * Password logins checked against an LDAP directory or Active Directory, when one is configured
 * ({@code SHELLGUARD_LDAP_URL}). {@link com.shellguard.directory.LdapDirectory} speaks to the directory (UnboundID
 * LDAP SDK, StartTLS or LDAPS only): it finds the person with the service account, checks their password by binding
 * as them, and reads their groups; {@link com.shellguard.directory.DirectoryAccounts} makes the person a gateway
 * account marked as the directory's, whose role and groups follow the directory at each login
 * ({@link com.shellguard.directory.DirectoryGroupMapping}); {@link com.shellguard.directory.DirectoryKeyCheck} lets a
 * directory account's registered keys in only while the directory still has the person active.
 *
 * <p>Everything the directory answers is untrusted input: names are escaped into filters (RFC 4515), an empty
 * password never reaches a bind (it would be an anonymous bind that "succeeds"), an ambiguous search is refused,
 * and an unreachable directory, a bad certificate or a timeout refuses the login as
 * {@link com.shellguard.directory.DirectoryUnavailableException#REASON}, never opens it.
 *
 * <p>Limits: one connection per check (no pool), one directory URL (no fail-over), groups are known by name (their
 * {@code cn}), so same-named groups in different subtrees are one group to the gateway; a person removed or disabled
 * in the directory keeps their running SSH sessions, and loses role and groups only when a login finds them gone.
 */
package com.shellguard.directory;
