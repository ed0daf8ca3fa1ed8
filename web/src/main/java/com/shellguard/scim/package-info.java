/**
 * SCIM 2.0 (RFC 7643, RFC 7644) at {@code /scim/v2}, so an identity provider (Okta, Entra ID, any SCIM client)
 * provisions people and groups: Users and Groups with create, read, replace, PATCH, delete and filtered, paged
 * lists; ServiceProviderConfig, ResourceTypes and Schemas; errors as RFC 7644 3.12 writes them. Authentication is a
 * bearer API token of scope {@code scim} ({@link com.shellguard.scim.ScimAccessFilter}); what a change does to the
 * gateway, and how SCIM-managed accounts live beside hand-made and directory ones, is
 * {@link com.shellguard.provisioning}.
 *
 * <p><b>Library.</b> UnboundID's SCIM 2 SDK ({@code scim2-sdk-common} 4.x, Ping Identity, maintained, Jakarta since
 * 3.0, LGPL 2.1 among its licences) supplies the resource types, the filter grammar ({@code Filter.fromString}) and its
 * evaluator, PATCH ({@code PatchRequest.apply}), {@code ListResponse} and {@code ErrorResponse}; it needs nothing of the
 * container but a JSON body reader ({@link com.shellguard.scim.ScimJson}, its own Jackson configuration, packaged in
 * the WAR, which coexists with Payara's Jackson and JSON-B). Apache SCIMple was the other candidate: it is a whole
 * server framework (its own JAX-RS resources, CDI repositories and providers) still published as milestones, and
 * would have had to own {@code /scim/v2}'s request handling rather than serve beside {@code /api/v1}'s conventions.
 *
 * <p><b>Limits.</b> Filters are evaluated in memory over all users or all groups (fine for thousands, not millions);
 * no sorting, no {@code attributes}/{@code excludedAttributes}, no ETags, no bulk, no {@code /Me}, no
 * {@code POST .search}; user and group names cannot be changed; the enterprise User extension is accepted and not
 * stored; {@code userName} must be a gateway user name (lower case, no {@code @}: map the provider's attribute).
 */
package com.shellguard.scim;
