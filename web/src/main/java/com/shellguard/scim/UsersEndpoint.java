package com.shellguard.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shellguard.provisioning.Provisioning;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.UserGroup;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.UserResource;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code /scim/v2/Users}: gateway users as SCIM Users. */
@Path("Users")
@Produces({ScimResources.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Consumes({ScimResources.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class UsersEndpoint {

    @Inject
    Provisioning provisioning;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @GET
    public ListResponse<UserResource> list(@QueryParam("filter") String filter, @QueryParam("startIndex") Integer startIndex,
                                           @QueryParam("count") Integer count) throws ScimException {
        Map<String, String> groupIds = groupIds();
        return ScimLists.page(provisioning.users().stream().map(u -> ScimUsers.resource(u, groupIds, uri.getBaseUri())).toList(),
                filter, startIndex, count);
    }

    @GET
    @Path("{id}")
    public UserResource get(@PathParam("id") String id) {
        return view(provisioning.user(id));
    }

    @POST
    public Response create(ObjectNode body) throws ScimException {
        UserResource created = view(provisioning.createUser(ScimUsers.draft(body), by()));
        return Response.created(created.getMeta().getLocation()).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public UserResource replace(@PathParam("id") String id, ObjectNode body) throws ScimException {
        return view(provisioning.replaceUser(id, ScimUsers.draft(body), by()));
    }

    /** PATCH is the SDK's operations applied to the user as shown, then stored as a replace. */
    @PATCH
    @Path("{id}")
    public UserResource patch(@PathParam("id") String id, ObjectNode body) throws ScimException {
        GenericScimResource patched = ScimPatches.apply(body, view(provisioning.user(id)).asGenericScimResource());
        patched.getObjectNode().remove("groups");
        return view(provisioning.replaceUser(id, ScimUsers.draft(patched.getObjectNode()), by()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        provisioning.deleteUser(id, by());
        return Response.noContent().build();
    }

    private UserResource view(GatewayUser user) {
        return ScimUsers.resource(user, groupIds(), uri.getBaseUri());
    }

    private Map<String, String> groupIds() {
        return provisioning.groups().stream().collect(Collectors.toMap(UserGroup::getName, UserGroup::getId));
    }

    /** Who asked, as the audit and a terminated session name them. */
    private String by() {
        return "scim:" + security.getUserPrincipal().getName();
    }
}
