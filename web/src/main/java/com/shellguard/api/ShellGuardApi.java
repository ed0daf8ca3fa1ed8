package com.shellguard.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** The REST API; its OpenAPI document is served by MicroProfile OpenAPI at {@code /openapi} on the server's root. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info = @Info(title = "ShellGuard REST API", version = "1",
                description = "Users, groups, servers, accounts, grants, command control and the audit of the ShellGuard"
                        + " SSH gateway. Errors are JSON {\"error\": \"...\"}: 400 malformed input, 401 no or a refused"
                        + " credential, 403 a change by a reader, 404 unknown, 409 conflict."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
                description = "A gateway account with role ADMIN (everything) or AUDITOR (reads)"),
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                bearerFormat = "sgt_...", description = "An API token (POST /tokens); it acts as its owner")
})
public class ShellGuardApi extends Application {
}
