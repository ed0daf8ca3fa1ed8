package com.shellguard.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.Locale;

/**
 * PATCH (RFC 7644 3.5.2) as the SDK applies it to a resource's JSON: add, replace and remove, with a path (filters
 * like {@code members[value eq "..."]} included) or without (a value object). Two habits of real clients are accepted
 * first: Entra ID's capitalised operation names and its {@code remove} of {@code members} with a value list, which
 * RFC 7644 writes as a value filter in the path; and {@code "True"}/{@code "False"} as strings for {@code active}.
 */
final class ScimPatches {

    private ScimPatches() {
    }

    static GenericScimResource apply(ObjectNode body, GenericScimResource current) throws ScimException {
        if (body == null) {
            throw BadRequestException.invalidSyntax("a PATCH needs a body: urn:ietf:params:scim:api:messages:2.0:PatchOp");
        }
        PatchRequest patch;
        try {
            patch = JsonUtils.nodeToValue(normalised(body), PatchRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw BadRequestException.invalidSyntax("not a valid PATCH request: " + message(e));
        }
        if (patch.getOperations() == null || patch.getOperations().isEmpty()) {
            throw BadRequestException.invalidSyntax("a PATCH request needs Operations");
        }
        patch.apply(current);
        fixActive(current.getObjectNode());
        return current;
    }

    /** {@code "active": "False"} as Entra ID sends it, read as the boolean it means. */
    static ObjectNode fixActive(ObjectNode resource) {
        JsonNode active = resource.get("active");
        if (active != null && active.isTextual()) {
            resource.put("active", Boolean.parseBoolean(active.asText().trim()));
        }
        return resource;
    }

    private static String message(Exception e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }

    private static ObjectNode normalised(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        JsonNode operations = copy.get("Operations");
        if (!(operations instanceof ArrayNode ops)) {
            return copy;
        }
        ArrayNode rewritten = JsonUtils.getJsonNodeFactory().arrayNode();
        for (JsonNode op : ops) {
            if (!(op instanceof ObjectNode o) || !o.has("op")) {
                rewritten.add(op);
                continue;
            }
            String name = o.get("op").asText().toLowerCase(Locale.ROOT);
            o.put("op", name);
            JsonNode path = o.get("path");
            JsonNode value = o.get("value");
            if (name.equals("remove") && path != null && path.isTextual() && !path.asText().contains("[")
                    && value instanceof ArrayNode values) {
                for (JsonNode v : values) {
                    ObjectNode one = JsonUtils.getJsonNodeFactory().objectNode();
                    one.put("op", "remove");
                    one.put("path", path.asText() + "[value eq \"" + v.path("value").asText().replace("\"", "\\\"") + "\"]");
                    rewritten.add(one);
                }
            } else {
                if (name.equals("remove")) {
                    o.remove("value");
                }
                rewritten.add(o);
            }
        }
        copy.set("Operations", rewritten);
        return copy;
    }
}
