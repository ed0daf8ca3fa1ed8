package com.shellguard.api;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document MicroProfile OpenAPI generates from the resources with what holds for every
 * operation of this API, so each resource needs no annotations for it: a tag per resource (the first path segment),
 * unique operation ids (the generated ones repeat, {@code list}, {@code create}...), the error answers the API gives
 * ({@code {"error": "..."}}: 400 for input, 401, 403 for a change by a reader, 404 for an unknown name, 409 for a
 * conflict; see {@link ApiAccessFilter} and {@link ErrorMappers}), {@code /health} without authentication, and an
 * example body for the requests whose fields are read from a {@code JsonObject} (the generator sees only "an object").
 * An operation's own {@code @Operation}, {@code @Tag} or {@code @APIResponse} annotations are kept.
 */
public class ApiDocument implements OASFilter {

    private static final String ROOT = "/api/v1";

    /** Request bodies as the README's REST table gives them, by "METHOD path". */
    private static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("POST /users", "{\"username\":\"alice\",\"password\":\"correct-horse\",\"publicKeys\":[\"ssh-ed25519 AAAA... alice\"],"
                    + "\"role\":\"USER\",\"groups\":[\"ops\"],\"enabled\":true}"),
            Map.entry("PUT /users/{username}", "{\"enabled\":false}"),
            Map.entry("POST /groups", "{\"name\":\"ops\",\"members\":[\"alice\"]}"),
            Map.entry("PUT /groups/{name}", "{\"members\":[\"alice\",\"bob\"]}"),
            Map.entry("POST /servers", "{\"name\":\"web01\",\"host\":\"10.0.0.5\",\"port\":22,\"hostKey\":\"ssh-ed25519 AAAA...\",\"labels\":[\"prod\"]}"),
            Map.entry("PUT /servers/{name}", "{\"labels\":[\"prod\",\"strict\"]}"),
            Map.entry("POST /servers/{server}/accounts", "{\"login\":\"deploy\",\"privateKey\":\"-----BEGIN OPENSSH PRIVATE KEY-----\\n...\"}"),
            Map.entry("PUT /servers/{server}/accounts/{login}", "{\"password\":\"new secret\"}"),
            Map.entry("POST /grants", "{\"group\":\"ops\",\"label\":\"prod\",\"logins\":[\"deploy\"],\"forwarding\":[\"local\"],\"forwardTo\":[\"127.0.0.1:*\"]}"),
            Map.entry("PUT /grants/{id}", "{\"logins\":[\"deploy\",\"www-data\"]}"),
            Map.entry("POST /command-rules", "{\"name\":\"no-rm-rf\",\"match\":\"line\",\"pattern\":\"rm\\\\s+-rf\",\"action\":\"BLOCK\",\"labels\":[\"prod\"],\"priority\":10}"),
            Map.entry("PUT /command-rules/{name}", "{\"action\":\"ALERT\"}"),
            Map.entry("PUT /command-rules", "{\"order\":[\"no-rm-rf\",\"allow-git\"]}"),
            Map.entry("POST /command-rules/try", "{\"line\":\"rm -rf /tmp/x\",\"user\":\"alice\",\"server\":\"web01\",\"login\":\"deploy\"}"),
            Map.entry("PUT /command-defaults/{label}", "{\"mode\":\"allowlist\",\"supervisor\":\"on\"}"),
            Map.entry("PUT /settings/mfa", "{\"required\":[\"admins\"]}"),
            Map.entry("POST /tokens", "{\"name\":\"siem\"}"),
            Map.entry("POST /users/{username}/totp/confirm", "{\"code\":\"123456\"}"));

    @Override
    public void filterOpenAPI(OpenAPI document) {
        if (document.getPaths() == null || document.getPaths().getPathItems() == null) {
            return;
        }
        Components components = document.getComponents() == null ? OASFactory.createComponents() : document.getComponents();
        document.setComponents(components.addSchema("Error", OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .addProperty("error", OASFactory.createSchema().type(Schema.SchemaType.STRING).description("what was wrong"))));
        Map<String, Integer> ids = new HashMap<>();
        document.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                .forEach(op -> ids.merge(String.valueOf(op.getOperationId()), 1, Integer::sum)));
        document.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith(ROOT + "/")) {
                return;
            }
            String relative = path.substring(ROOT.length());
            item.getOperations().forEach((method, op) -> complete(relative, method, op, ids));
        });
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation op, Map<String, Integer> ids) {
        String resource = path.split("/")[1];
        if (op.getTags() == null || op.getTags().isEmpty()) {
            op.setTags(List.of(resource));
        }
        if (op.getOperationId() == null || ids.getOrDefault(op.getOperationId(), 0) > 1) {
            op.setOperationId(operationId(method, path));
        }
        String example = EXAMPLES.get(method + " " + path);
        if (example != null && op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            op.getRequestBody().getContent().getMediaTypes().values().forEach(media -> {
                if (media.getExample() == null) {
                    media.setExample(plain(Json.createReader(new StringReader(example)).readValue()));
                }
            });
        }
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        if (path.equals("/health")) {
            op.setSecurity(List.of(OASFactory.createSecurityRequirement()));
            return;
        }
        boolean reads = method == PathItem.HttpMethod.GET;
        error(responses, "401", "no credential, or one refused (the same answer for a wrong password and an account without an API role)");
        if (!reads) {
            error(responses, "403", "the caller may only read (AUDITOR)");
        }
        if (!reads || (op.getParameters() != null && op.getParameters().stream().anyMatch(p -> p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY))) {
            error(responses, "400", "malformed input: the body or a parameter, named in the message");
        }
        if (path.contains("{")) {
            error(responses, "404", "no such " + resource + " (or a thing it names)");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.DELETE) {
            error(responses, "409", "the change conflicts with what exists (a duplicate, the last admin, an ended session...)");
        }
    }

    /** The example as maps, lists and scalars, which the document's writer renders as JSON (not as a quoted string). */
    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
            case ARRAY -> value.asJsonArray().stream().map(ApiDocument::plain).toList();
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).numberValue();
            case TRUE -> true;
            case FALSE -> false;
            case NULL -> null;
        };
    }

    private static void error(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            MediaType json = OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Error"));
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                    .content(OASFactory.createContent().addMediaType("application/json", json)));
        }
    }

    /** {@code GET /users/{username}/totp} becomes {@code getUsersByUsernameTotp}. */
    private static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String word = segment.startsWith("{") ? "By" + capital(segment.substring(1, segment.length() - 1)) : capital(segment);
            id.append(word.replaceAll("[^A-Za-z0-9]", ""));
        }
        return id.toString();
    }

    private static String capital(String s) {
        StringBuilder out = new StringBuilder();
        for (String part : s.split("-")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
