/**
 * People and groups as an identity provider (Okta, Entra ID, any SCIM 2.0 client) provisions them. The protocol
 * (SCIM's JSON, filters, PATCH) is the web module's {@code com.shellguard.scim}; this is what a provisioning change
 * does to the gateway's own users and groups, and the rule by which they coexist with those made by hand and by the
 * directory:
 * <ul>
 * <li>An identity provider sees every gateway user and group (it needs to, to match people it already has).</li>
 * <li>It creates {@code USER} accounts only, and changes or deletes only {@code USER} accounts that are not directory
 * (LDAP) accounts. A hand-made {@code USER} account it replaces or patches becomes SCIM-managed from then on (the
 * provider matched it by {@code userName} and took it over). Directory accounts stay the directory's; admins and
 * auditors stay the console's and {@code /api/v1}'s: a provisioning token can neither lock out nor demote an admin.</li>
 * <li>Groups are shared names: a SCIM group is a gateway group, whoever made it, so grants on a group follow the
 * provider's membership. Membership of accounts SCIM may not write is left alone: a replace that omits them keeps
 * them, and adding one is refused.</li>
 * <li>User and group names are fixed once made: SSH logins ({@code alice@web01}) and grants name them.</li>
 * <li>Deactivation ({@code active: false}) disables the account: new SSH, console and API logins are refused at once,
 * console sessions end at their next request, and live SSH sessions are asked to end (within a second, on any
 * node); deletion does the same, then removes the account, its grants and tokens.</li>
 * </ul>
 */
package com.shellguard.provisioning;
