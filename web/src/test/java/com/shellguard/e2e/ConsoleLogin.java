package com.shellguard.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A console session over plain HTTP, as a browser holds it (the session cookie, no JavaScript): the login form
 * posted with its view state, then page requests. Much cheaper than {@link Browser} where only the session's fate
 * matters.
 */
final class ConsoleLogin {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    ConsoleLogin(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Posts the login form; true when the console took the login (it redirects into the console). */
    boolean logIn(String user, String password) {
        Matcher state = VIEW_STATE.matcher(get("/login.xhtml").body());
        if (!state.find()) {
            throw new AssertionError("the login page has no view state");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", user);
        form.put("login:password", password);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", state.group(1));
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl + "/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        return r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").contains("/console/");
    }

    /** True when a console page is served to this session, false when it is sent to the login page. */
    boolean mayOpen(String page) {
        HttpResponse<String> r = get(page);
        if (r.statusCode() == 200) {
            return true;
        }
        if (r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").contains("login.xhtml")) {
            return false;
        }
        throw new AssertionError(page + " answered " + r.statusCode() + ": " + r.body());
    }

    /** The status a console address answers this session with (200, 302 to the login page, 403 for a role it does not admit). */
    int status(String page) {
        return get(page).statusCode();
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
