package com.shellguard.api;

import static com.shellguard.api.JsonFields.body;
import static com.shellguard.api.JsonFields.string;

import com.shellguard.common.ValidationException;
import com.shellguard.totp.TotpEnrolments;
import com.shellguard.totp.TotpIssued;
import com.shellguard.user.UserService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A user's TOTP second factor: enrol (the secret, its {@code otpauth://} URI and the recovery codes, shown this
 * once), confirm with a first code (until then the factor asks for nothing), look at its state, remove it.
 */
@Path("users/{username}/totp")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SecondFactorResource {

    @Inject
    UserService users;

    @Inject
    TotpEnrolments enrolments;

    @GET
    public JsonObject state(@PathParam("username") String username) {
        users.get(username);
        return Json.createObjectBuilder()
                .add("active", enrolments.isActive(username))
                .add("pending", enrolments.isPending(username))
                .add("recoveryCodesLeft", enrolments.recoveryCodesLeft(username))
                .build();
    }

    @POST
    public Response enrol(@PathParam("username") String username) {
        users.get(username);
        TotpIssued issued = enrolments.enrol(username);
        return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder()
                .add("secret", issued.secret())
                .add("uri", issued.uri())
                .add("recoveryCodes", Json.createArrayBuilder(issued.recoveryCodes()))
                .add("active", false)
                .build()).build();
    }

    @POST
    @Path("confirm")
    public Response confirm(@PathParam("username") String username, JsonObject json) {
        users.get(username);
        String code = string(body(json), "code");
        if (code == null) {
            throw new ValidationException("code is required: the 6 digits the app shows now");
        }
        enrolments.confirm(username, code);
        return Response.noContent().build();
    }

    @DELETE
    public Response remove(@PathParam("username") String username) {
        users.get(username);
        enrolments.remove(username);
        return Response.noContent().build();
    }
}
