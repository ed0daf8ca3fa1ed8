package com.shellguard.scim;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * SCIM 2.0 beside {@code /api/v1}. Its classes are listed, not scanned: the API's filter and error mappers are not
 * SCIM's (SCIM has its own authentication and error body), and SCIM's providers must not reach {@code /api/v1}.
 */
@ApplicationPath("/scim/v2")
public class ScimApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(UsersEndpoint.class, GroupsEndpoint.class, ServiceProviderConfigEndpoint.class, ResourceTypesEndpoint.class,
                SchemasEndpoint.class,
                ScimAccessFilter.class, ScimErrors.class, ScimJson.class);
    }
}
