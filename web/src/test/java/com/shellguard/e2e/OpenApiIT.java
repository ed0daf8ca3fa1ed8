package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document at {@code /openapi} is true: every operation it lists answers (as the admin, with made-up
 * names and empty bodies) with a status it documents or the API's 4xx for bad input, never "no such endpoint",
 * 405 or 500; and every JAX-RS resource method of the {@code /api/v1} application is in it. Generic over the
 * document, so resources added later are held to it without changing this test.
 */
class OpenApiIT {

    private static final String API_ROOT = "/api/v1";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    /** The 4xx answers the API gives for a made-up name or an empty body (ErrorMappers). */
    private static final Set<Integer> BAD_INPUT = Set.of(400, 404, 409, 422);

    private static Fixture fx;
    private static JsonObject document;

    @BeforeAll
    static void fetchTheDocument() throws IOException, InterruptedException, URISyntaxException {
        fx = Fixture.shared();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(new URI(fx.gateway.baseUrl() + "/openapi"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Files.createDirectories(Paths.get("target"));
        Files.writeString(Paths.get("target", "openapi.json"), r.body());
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            document = reader.readObject();
        }
    }

    @Test
    void theDocumentIsOpenApi3WithBasicAndBearerAuthenticationUniqueOperationIdsAndTheApisErrors() {
        assertTrue(document.getString("openapi").startsWith("3."), document.getString("openapi"));
        JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
        assertEquals("basic", schemes.getJsonObject("basic").getString("scheme"));
        assertEquals("bearer", schemes.getJsonObject("bearer").getString("scheme"));
        assertTrue(document.getJsonObject("paths").keySet().stream().anyMatch(p -> api(p).equals("/users")), document.getJsonObject("paths").keySet().toString());
        List<String> ids = new ArrayList<>();
        for (var path : document.getJsonObject("paths").entrySet()) {
            JsonObject item = path.getValue().asJsonObject();
            item.keySet().stream().filter(METHODS::contains).map(item::getJsonObject).forEach(operation -> {
                ids.add(operation.getString("operationId", path.getKey()));
                if (!api(path.getKey()).equals("/health")) {
                    assertTrue(operation.getJsonObject("responses").containsKey("401"), path.getKey() + " " + operation);
                }
            });
        }
        assertEquals(ids.size(), new TreeSet<>(ids).size(), "operation ids repeat: " + ids);
        JsonObject createUser = document.getJsonObject("paths").entrySet().stream().filter(e -> api(e.getKey()).equals("/users"))
                .findFirst().orElseThrow().getValue().asJsonObject().getJsonObject("post");
        assertTrue(createUser.getJsonObject("requestBody").toString().contains("username"), createUser.toString());
    }

    @Test
    void everyDocumentedOperationAnswersWithADocumentedStatusOrTheApisBadInputError() {
        List<String> wrong = new ArrayList<>();
        int called = 0;
        for (var path : document.getJsonObject("paths").entrySet()) {
            JsonObject item = path.getValue().asJsonObject();
            for (String method : item.keySet()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                JsonObject operation = item.getJsonObject(method);
                String concrete = fillParameters(api(path.getKey()), item, operation);
                String body = method.equals("get") || method.equals("delete") ? null : "{}";
                Api.Response r = fx.admin.call(method.toUpperCase(Locale.ROOT), concrete, body);
                called++;
                if (!acceptable(r, operation.getJsonObject("responses"))) {
                    wrong.add(method.toUpperCase(Locale.ROOT) + " " + concrete + " -> " + r.status() + " " + r.body()
                            + " (documented: " + (operation.containsKey("responses") ? operation.getJsonObject("responses").keySet() : "none") + ")");
                }
            }
        }
        assertTrue(called >= 30, "only " + called + " operations documented");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyResourceMethodOfTheApiIsDocumented() throws Exception {
        Set<String> documented = new TreeSet<>();
        for (var path : document.getJsonObject("paths").entrySet()) {
            for (String method : path.getValue().asJsonObject().keySet()) {
                if (METHODS.contains(method)) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + shape(api(path.getKey())));
                }
            }
        }
        Set<String> served = resourceMethods();
        assertTrue(served.size() >= 30, served.toString());
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(documented);
        assertTrue(missing.isEmpty(), "not in /openapi: " + missing);
    }

    /** A path of the document relative to the API's root, whether the document names the root in its paths or not. */
    private static String api(String documentPath) {
        return documentPath.startsWith(API_ROOT + "/") ? documentPath.substring(API_ROOT.length()) : documentPath;
    }

    /** Path parameters as {@code {}}, and no trailing slash, so the document and the annotations compare. */
    private static String shape(String path) {
        String s = path.replaceAll("\\{[^}]*}", "{}").replaceAll("/+", "/");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Made-up values no test creates: integers where the document says a parameter is one, names elsewhere. */
    private static String fillParameters(String path, JsonObject item, JsonObject operation) {
        List<JsonValue> parameters = new ArrayList<>();
        Stream.of(item, operation).filter(o -> o.containsKey("parameters")).forEach(o -> parameters.addAll(o.getJsonArray("parameters")));
        String filled = path;
        for (JsonValue p : parameters) {
            JsonObject parameter = p.asJsonObject();
            if (!"path".equals(parameter.getString("in", ""))) {
                continue;
            }
            JsonObject schema = parameter.containsKey("schema") ? parameter.getJsonObject("schema") : JsonValue.EMPTY_JSON_OBJECT;
            String type = schema.getString("type", "string");
            String value = type.equals("integer") || type.equals("number") ? "987654321" : Fixture.unique("nosuch");
            filled = filled.replace("{" + parameter.getString("name") + "}", value);
        }
        return filled.replaceAll("\\{[^}]*}", Fixture.unique("nosuch"));
    }

    private static boolean acceptable(Api.Response r, JsonObject responses) {
        int status = r.status();
        if (status == 405 || status >= 500 || status == 401 || status == 403) {
            return false;
        }
        if (status == 404 && (r.body().contains("HTTP 404") || r.body().contains("Unable to find matching target resource method"))) {
            return false;
        }
        if (responses != null && responses.containsKey(String.valueOf(status))) {
            return true;
        }
        boolean success = status < 400;
        return success ? responses != null && responses.containsKey("default") : BAD_INPUT.contains(status);
    }

    /** Every HTTP method of every resource class of the API's package, from the classes the WAR is built of. */
    private static Set<String> resourceMethods() throws Exception {
        Set<String> served = new TreeSet<>();
        for (String name : apiClassNames()) {
            Class<?> type = Class.forName(name, false, OpenApiIT.class.getClassLoader());
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method m : type.getMethods()) {
                String http = httpMethod(m);
                if (http != null) {
                    Path sub = m.getAnnotation(Path.class);
                    served.add(http + " " + shape("/" + root.value() + (sub == null ? "" : "/" + sub.value())));
                }
            }
        }
        return served;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static List<String> apiClassNames() throws Exception {
        Class<?> application = Class.forName("com.shellguard.api.ShellGuardApi");
        java.nio.file.Path location = Paths.get(application.getProtectionDomain().getCodeSource().getLocation().toURI());
        String prefix = "com/shellguard/api/";
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<java.nio.file.Path> files = Files.walk(location.resolve(prefix))) {
                files.map(f -> location.relativize(f).toString().replace('\\', '/')).filter(OpenApiIT::topLevelClass)
                        .forEach(f -> names.add(className(f)));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(prefix) && topLevelClass(n)).forEach(n -> names.add(className(n)));
            }
        }
        assertTrue(!names.isEmpty(), "no classes found in " + location);
        return names;
    }

    private static boolean topLevelClass(String file) {
        return file.endsWith(".class") && !file.contains("$");
    }

    private static String className(String file) {
        return file.substring(0, file.length() - ".class".length()).replace('/', '.');
    }
}
