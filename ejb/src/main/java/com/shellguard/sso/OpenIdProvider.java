package com.shellguard.sso;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The identity provider as the gateway speaks to it: its endpoints, read once from its discovery document
 * ({@code ISSUER/.well-known/openid-configuration}, whose {@code issuer} must be the configured one), its signing keys
 * (Nimbus fetches and caches them, and fetches again for a key id it has not seen, so a key rotation is followed), and
 * the two requests of the gateway's confidential client: the token endpoint (client_secret_basic) and the device
 * authorization endpoint. Every answer is untrusted input: what is not JSON of the expected shape is the provider
 * being unavailable, never a login.
 */
@ApplicationScoped
public class OpenIdProvider {

    @Inject
    SsoSettings settings;

    private volatile Endpoints endpoints;
    private volatile HttpClient http;

    /** The endpoints and keys of the configured provider. */
    record Endpoints(URI authorization, URI token, URI deviceAuthorization, JWKSource<SecurityContext> keys) {
    }

    /** An answer of the provider: its HTTP status and its JSON body. */
    record Answer(int status, JsonObject body) {

        boolean ok() {
            return status == 200;
        }

        String error() {
            return body.getString("error", "");
        }
    }

    SsoConfig config() {
        return settings.config();
    }

    Endpoints endpoints() {
        Endpoints known = endpoints;
        if (known == null) {
            known = discover(config());
            endpoints = known;
        }
        return known;
    }

    private Endpoints discover(SsoConfig config) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(config.issuer() + "/.well-known/openid-configuration")).GET());
        if (!answer.ok()) {
            throw new ProviderUnavailableException("the provider's discovery document answered " + answer.status());
        }
        JsonObject document = answer.body();
        if (!config.issuer().toString().equals(document.getString("issuer", "").replaceAll("/+$", ""))) {
            throw new ProviderUnavailableException("the provider's discovery document names another issuer: "
                    + document.getString("issuer", "(none)"));
        }
        try {
            int millis = (int) config.timeout().toMillis();
            JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(
                    URI.create(required(document, "jwks_uri")).toURL(), new DefaultResourceRetriever(millis, millis, 512 * 1024))
                    .build();
            String device = document.getString("device_authorization_endpoint", null);
            return new Endpoints(URI.create(required(document, "authorization_endpoint")), URI.create(required(document, "token_endpoint")),
                    device == null ? null : URI.create(device), keys);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new ProviderUnavailableException("the provider's discovery document has a bad URL: " + e.getMessage(), e);
        }
    }

    private static String required(JsonObject document, String field) {
        String value = document.getString(field, null);
        if (value == null || !(value.startsWith("https://") || value.startsWith("http://"))) {
            throw new ProviderUnavailableException("the provider's discovery document has no " + field);
        }
        return value;
    }

    /** A request to the token endpoint, with the gateway's client credentials. */
    Answer token(Map<String, String> form) {
        return post(endpoints().token(), form);
    }

    /** A device authorization request (RFC 8628 section 3.1). */
    Answer deviceAuthorization(Map<String, String> form) {
        URI endpoint = endpoints().deviceAuthorization();
        if (endpoint == null) {
            throw new ProviderUnavailableException("the provider offers no device authorization endpoint");
        }
        return post(endpoint, form);
    }

    private Answer post(URI endpoint, Map<String, String> form) {
        SsoConfig config = config();
        String credentials = encode(config.clientId()) + ":" + encode(config.clientSecret());
        return send(HttpRequest.newBuilder(endpoint)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&")))));
    }

    private Answer send(HttpRequest.Builder request) {
        SsoConfig config = config();
        HttpResponse<String> response;
        try {
            response = client(config).send(request.timeout(config.timeout()).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderUnavailableException("the provider cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted while asking the provider", e);
        }
        if (response.body().length() > 1024 * 1024) {
            throw new ProviderUnavailableException("the provider's answer is too large");
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new ProviderUnavailableException("the provider answered " + response.statusCode() + " without a JSON object");
            }
            return new Answer(response.statusCode(), value.asJsonObject());
        } catch (jakarta.json.JsonException e) {
            throw new ProviderUnavailableException("the provider answered " + response.statusCode() + " with something not JSON", e);
        }
    }

    private HttpClient client(SsoConfig config) {
        HttpClient current = http;
        if (current == null) {
            current = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
            http = current;
        }
        return current;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
