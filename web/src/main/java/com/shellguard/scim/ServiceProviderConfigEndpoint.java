package com.shellguard.scim;

import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.SortConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/** {@code /scim/v2/ServiceProviderConfig} (RFC 7644 section 4): what this server supports. */
@Path("ServiceProviderConfig")
@Produces({ScimResources.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class ServiceProviderConfigEndpoint {

    @Context
    UriInfo uri;

    @GET
    public ServiceProviderConfigResource serviceProviderConfig() {
        ServiceProviderConfigResource config = new ServiceProviderConfigResource(null, new PatchConfig(true),
                new BulkConfig(false, 0, 0), new FilterConfig(true, ScimLists.MAX_COUNT), new ChangePasswordConfig(true),
                new SortConfig(false), new ETagConfig(false),
                List.of(new AuthenticationScheme("OAuth Bearer Token",
                        "Authorization: Bearer with a ShellGuard API token of scope scim (POST /api/v1/tokens)",
                        URI.create("https://www.rfc-editor.org/rfc/rfc6750"), null, "oauthbearertoken", true)));
        config.setMeta(ScimUsers.meta("ServiceProviderConfig", null, uri.getBaseUri().resolve("ServiceProviderConfig")));
        return config;
    }
}
