package com.shellguard.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shellguard.provisioning.Provisioning;
import com.shellguard.user.UserGroup;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.GroupResource;
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
import jakarta.ws.rs.core.UriInfo;

/** {@code /scim/v2/Groups}: gateway groups as SCIM Groups; grants on a group follow its members. */
@Path("Groups")
@Produces({ScimResources.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Consumes({ScimResources.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class GroupsEndpoint {

    @Inject
    Provisioning provisioning;

    @Context
    UriInfo uri;

    @GET
    public ListResponse<GroupResource> list(@QueryParam("filter") String filter, @QueryParam("startIndex") Integer startIndex,
                                            @QueryParam("count") Integer count) throws ScimException {
        return ScimLists.page(provisioning.groups().stream().map(this::view).toList(), filter, startIndex, count);
    }

    @GET
    @Path("{id}")
    public GroupResource get(@PathParam("id") String id) {
        return view(provisioning.group(id));
    }

    @POST
    public Response create(ObjectNode body) throws ScimException {
        GroupResource created = view(provisioning.createGroup(ScimGroups.draft(body)));
        return Response.created(created.getMeta().getLocation()).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public GroupResource replace(@PathParam("id") String id, ObjectNode body) throws ScimException {
        return view(provisioning.replaceGroup(id, ScimGroups.draft(body)));
    }

    @PATCH
    @Path("{id}")
    public GroupResource patch(@PathParam("id") String id, ObjectNode body) throws ScimException {
        GenericScimResource patched = ScimPatches.apply(body, view(provisioning.group(id)).asGenericScimResource());
        return view(provisioning.replaceGroup(id, ScimGroups.draft(patched.getObjectNode())));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        provisioning.deleteGroup(id);
        return Response.noContent().build();
    }

    private GroupResource view(UserGroup group) {
        return ScimGroups.resource(group, provisioning.members(group), uri.getBaseUri());
    }
}
