package com.shellguard.scim;

import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.SchemaUtils;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.beans.IntrospectionException;
import java.util.List;

/** {@code /scim/v2/Schemas} (RFC 7644 section 4): the core User and Group schemas, as the SDK describes its types. */
@Path("Schemas")
@Produces({ScimResources.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class SchemasEndpoint {

    @Context
    UriInfo uri;

    @GET
    public ListResponse<SchemaResource> schemas() throws ScimException {
        return new ListResponse<>(List.of(schema(UserResource.class), schema(GroupResource.class)));
    }

    @GET
    @Path("{id}")
    public SchemaResource schema(@PathParam("id") String id) throws ScimException {
        for (Class<?> type : List.of(UserResource.class, GroupResource.class)) {
            SchemaResource schema = schema(type);
            if (schema.getId().equals(id)) {
                return schema;
            }
        }
        throw new ResourceNotFoundException("no schema " + id);
    }

    private SchemaResource schema(Class<?> type) throws ScimException {
        try {
            SchemaResource schema = SchemaUtils.getSchema(type);
            schema.setMeta(ScimUsers.meta("Schema", null, uri.getBaseUri().resolve("Schemas/" + schema.getId())));
            return schema;
        } catch (IntrospectionException e) {
            throw new com.unboundid.scim2.common.exceptions.ServerErrorException("cannot describe " + type.getSimpleName() + ": " + e.getMessage());
        }
    }
}
