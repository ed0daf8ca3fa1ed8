package com.shellguard.api;

import static com.shellguard.api.JsonFields.body;

import com.shellguard.common.ValidationException;
import com.shellguard.totp.MfaPolicy;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashSet;
import java.util.Set;

/** Who must log in with a second factor: {@code {"required": "none" | "all" | ["group", ...]}}. */
@Path("settings/mfa")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MfaSettingsResource {

    @Inject
    MfaPolicy policy;

    @GET
    public JsonObject get() {
        return view(policy.setting());
    }

    @PUT
    public JsonObject set(JsonObject json) {
        JsonValue required = body(json).get("required");
        if (required instanceof JsonString s && s.getString().equals("all")) {
            return view(policy.set(true, Set.of()));
        }
        if (required instanceof JsonString s && s.getString().equals("none")) {
            return view(policy.set(false, Set.of()));
        }
        if (required instanceof JsonArray groups) {
            Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < groups.size(); i++) {
                if (!(groups.get(i) instanceof JsonString name)) {
                    throw new ValidationException("required[" + i + "] must be a group name");
                }
                names.add(name.getString());
            }
            return view(policy.set(false, names));
        }
        throw new ValidationException("required must be \"none\", \"all\" or a list of group names");
    }

    private static JsonObject view(MfaPolicy.Setting setting) {
        return Json.createObjectBuilder().add("required", setting.everyone() ? Json.createValue("all")
                : setting.groups().isEmpty() ? Json.createValue("none") : Json.createArrayBuilder(setting.groups()).build()).build();
    }
}
