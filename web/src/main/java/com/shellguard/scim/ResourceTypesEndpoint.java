package com.shellguard.scim;

import com.unboundid.scim2.common.ScimResource;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.SchemaUtils;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/** {@code /scim/v2/ResourceTypes} (RFC 7644 section 4): Users and Groups. */
@Path("ResourceTypes")
@Produces({ScimResources.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class ResourceTypesEndpoint {

    @Context
    UriInfo uri;

    @GET
    public ListResponse<ResourceTypeResource> resourceTypes() {
        return new ListResponse<>(List.of(userType(), groupType()));
    }

    @GET
    @Path("{name}")
    public ResourceTypeResource resourceType(@PathParam("name") String name) throws ScimException {
        return switch (name) {
            case "User" -> userType();
            case "Group" -> groupType();
            default -> throw new ResourceNotFoundException("no resource type " + name);
        };
    }

    private ResourceTypeResource userType() {
        return type("User", "a gateway user", "Users", UserResource.class);
    }

    private ResourceTypeResource groupType() {
        return type("Group", "a gateway group (grants on it follow its members)", "Groups", GroupResource.class);
    }

    private ResourceTypeResource type(String name, String description, String endpoint, Class<? extends ScimResource> type) {
        ResourceTypeResource r = new ResourceTypeResource(name, name, description, URI.create("/" + endpoint),
                URI.create(SchemaUtils.getSchemaUrn(type)), List.of());
        r.setMeta(ScimUsers.meta("ResourceType", null, uri.getBaseUri().resolve("ResourceTypes/" + name)));
        return r;
    }
}
