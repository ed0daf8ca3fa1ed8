package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An identity provider provisions people through {@code /scim/v2}, driven by UnboundID's SCIM 2 client (nobody here
 * wrote it) in the order Okta and Entra ID use: create, find by userName, group and membership, deactivate, replace,
 * delete; what each step does is checked where a person meets it, with the real ssh through the gateway.
 */
class ScimProvisioningIT {

    private static Fixture fx;
    private static String token;
    private static Client client;
    private static ScimService scim;

    @BeforeAll
    static void connect() {
        fx = Fixture.shared();
        token = fx.admin.post("/tokens", "{\"name\":\"okta\",\"scopes\":[\"scim\"]}").expect(201).object().getString("token");
        client = ClientBuilder.newClient(new ClientConfig().connectorProvider(new JavaNetHttpConnectorProvider())).register((ClientRequestFilter) request ->
                request.getHeaders().putSingle("Authorization", "Bearer " + token));
        scim = new ScimService(client.target(fx.gateway.baseUrl() + "/scim/v2"));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static UserResource newUser(String name, String password) {
        UserResource user = new UserResource().setUserName(name).setDisplayName("Ada " + name).setActive(true)
                .setPassword(password).setEmails(new Email().setValue(name + "@example.com").setType("work").setPrimary(true));
        user.setExternalId("00u" + UUID.randomUUID());
        return user;
    }

    @Test
    void anIdentityProviderProvisionsAPersonWhoseAccessFollowsTheDirectoryAndEndsWhenDeactivated() throws ScimException {
        String server = fx.server("scim", false);
        String name = Fixture.unique("scim");
        String password = "pw-" + UUID.randomUUID();

        UserResource created = scim.create("Users", newUser(name, password));
        assertEquals(name, created.getUserName());
        assertTrue(created.getActive());
        assertEquals(name + "@example.com", created.getEmails().get(0).getValue());
        assertFalse(created.toString().contains(password), "a password is never read back");

        ListResponse<UserResource> found = scim.searchRequest("Users").filter("userName eq \"" + name + "\"").invoke(UserResource.class);
        assertEquals(1, found.getTotalResults());
        assertEquals(created.getId(), found.getResources().get(0).getId());

        // a group from the directory, a grant on it in the gateway, membership from the directory: the member gets in
        String groupName = Fixture.unique("scim-team");
        GroupResource group = scim.create("Groups", new GroupResource().setDisplayName(groupName));
        fx.admin.post("/grants", "{\"group\":" + Api.quote(groupName) + ",\"server\":" + Api.quote(server)
                + ",\"logins\":[" + Api.quote(TargetServer.LOGIN) + "]}").expect(201);
        assertEquals(255, fx.passwordClient(password).ssh(name + "@" + server, "true").exitCode(), "no access before membership");
        GroupResource withMember = scim.modifyRequest("Groups", group.getId())
                .addValues("members", new Member().setValue(created.getId())).invoke(GroupResource.class);
        assertEquals(List.of(created.getId()), withMember.getMembers().stream().map(Member::getValue).toList());
        Processes.Result in = fx.passwordClient(password).ssh(name + "@" + server, "echo provisioned");
        assertEquals(0, in.exitCode(), in.output());
        assertTrue(in.stdout().contains("provisioned"), in.output());
        Api asPerson = Api.basic(fx.gateway.baseUrl(), name, password);
        assertNotEquals(401, asPerson.get("/users/" + name + "/totp").status(), "the person's own enrolment is open to them");

        UserResource deactivated = scim.modifyRequest("Users", created.getId()).replaceValue("active", false).invoke(UserResource.class);
        assertFalse(deactivated.getActive());
        Processes.Result refused = fx.passwordClient(password).ssh(name + "@" + server, "echo provisioned");
        assertEquals(255, refused.exitCode(), refused.output());
        assertFalse(refused.stdout().contains("provisioned"), refused.output());
        assertEquals(401, asPerson.get("/users/" + name + "/totp").status());

        UserResource replacement = scim.retrieve("Users", created.getId(), UserResource.class).setDisplayName("Ada Lovelace").setActive(true);
        UserResource replaced = scim.replace(replacement);
        assertEquals("Ada Lovelace", replaced.getDisplayName());
        assertEquals(0, fx.passwordClient(password).ssh(name + "@" + server, "true").exitCode(), "reactivated");

        GroupResource emptied = scim.modifyRequest("Groups", group.getId())
                .removeValues("members[value eq \"" + created.getId() + "\"]").invoke(GroupResource.class);
        assertTrue(emptied.getMembers() == null || emptied.getMembers().isEmpty(), emptied.toString());
        assertEquals(255, fx.passwordClient(password).ssh(name + "@" + server, "true").exitCode(), "no access after leaving the group");

        scim.delete("Users", created.getId());
        assertThrows(ResourceNotFoundException.class, () -> scim.retrieve("Users", created.getId(), UserResource.class));
        assertEquals(404, fx.admin.get("/users/" + name).status());
        scim.delete("Groups", group.getId());
    }

    @Test
    void deactivatingAPersonEndsTheirLiveSshSession() throws ScimException {
        String server = fx.server("scimlive", false);
        String name = Fixture.unique("live");
        UserResource user = scim.create("Users", newUser(name, "pw-" + UUID.randomUUID()));
        Path key = Fixture.newKey(name);
        fx.admin.put("/users/" + name, "{\"publicKeys\":[" + Api.quote(Fixture.publicKey(key)) + "]}").expect(200);
        fx.grant(new Fixture.Person(name, key, null), server, TargetServer.LOGIN);
        try (ShellSession shell = ShellSession.open(OpenSshClient.withKey(fx.gateway.sshPort(), key), name + "@" + server, "bash")) {
            assertTrue(shell.output("echo live-$((6*7))").contains("live-42"));
            scim.modifyRequest("Users", user.getId()).replaceValue("active", false).invoke(UserResource.class);
            shell.waitFor("terminated by an administrator");
        }
        JsonObject ended = fx.awaitSession(name, s -> Fixture.has(s, "end"));
        assertEquals("TERMINATED", ended.getString("status"), ended.toString());
    }

    @Test
    void listsArePagedAndFilteredWithStartsWithContainsAndAnd() throws ScimException {
        String prefix = Fixture.unique("pg");
        for (int i = 0; i < 3; i++) {
            scim.create("Users", newUser(prefix + "-" + i, "pw-" + UUID.randomUUID()));
        }
        ListResponse<UserResource> first = scim.searchRequest("Users").filter("userName sw \"" + prefix + "\"").page(1, 2).invoke(UserResource.class);
        assertEquals(3, first.getTotalResults());
        assertEquals(2, first.getResources().size());
        assertEquals(1, first.getStartIndex());
        ListResponse<UserResource> second = scim.searchRequest("Users").filter("userName sw \"" + prefix + "\"").page(3, 2).invoke(UserResource.class);
        assertEquals(1, second.getResources().size());
        assertEquals(prefix + "-2", second.getResources().get(0).getUserName());
        ListResponse<UserResource> both = scim.searchRequest("Users")
                .filter("userName co \"" + prefix.substring(3) + "\" and emails.value eq \"" + prefix + "-1@example.com\"").invoke(UserResource.class);
        assertEquals(List.of(prefix + "-1"), both.getResources().stream().map(UserResource::getUserName).toList());
    }

    @Test
    void aBadFilterAndABadPatchGetTheRfcErrorBody() throws ScimException {
        ScimException bad = assertThrows(ScimException.class,
                () -> scim.searchRequest("Users").filter("userName eq").invoke(UserResource.class));
        assertEquals(400, bad.getScimError().getStatus());
        assertEquals("invalidFilter", bad.getScimError().getScimType());

        UserResource user = scim.create("Users", newUser(Fixture.unique("badpatch"), "pw-" + UUID.randomUUID()));
        JsonObject error = raw("PATCH", "/Users/" + user.getId(), "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"frobnicate\",\"path\":\"active\",\"value\":false}]}", 400);
        assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", error.getJsonArray("schemas").getString(0));
        assertEquals("400", error.get("status").toString().replace("\"", ""));
        assertEquals("invalidSyntax", error.getString("scimType"));
        assertTrue(error.getString("detail").length() > 0, error.toString());

        JsonObject rename = raw("PATCH", "/Users/" + user.getId(), "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"someone-else\"}]}", 400);
        assertEquals("mutability", rename.getString("scimType"));

        JsonObject duplicate = raw("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":"
                + Api.quote(user.getUserName()) + "}", 409);
        assertEquals("uniqueness", duplicate.getString("scimType"));
    }

    @Test
    void entraIdsPatchWithoutPathAndItsCapitalisedOperationsAreUnderstood() throws ScimException {
        UserResource user = scim.create("Users", newUser(Fixture.unique("entra"), "pw-" + UUID.randomUUID()));
        raw("PATCH", "/Users/" + user.getId(), "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"value\":{\"active\":\"False\",\"displayName\":\"Grace\"}}]}", 200);
        UserResource read = scim.retrieve("Users", user.getId(), UserResource.class);
        assertFalse(read.getActive());
        assertEquals("Grace", read.getDisplayName());

        GroupResource group = scim.create("Groups", new GroupResource().setDisplayName(Fixture.unique("entra-team"))
                .setMembers(new Member().setValue(user.getId())));
        raw("PATCH", "/Groups/" + group.getId(), "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + user.getId() + "\"}]}]}", 200);
        GroupResource after = scim.retrieve("Groups", group.getId(), GroupResource.class);
        assertTrue(after.getMembers() == null || after.getMembers().isEmpty(), after.toString());
    }

    @Test
    void discoveryDescribesWhatIsSupported() throws ScimException {
        ServiceProviderConfigResource config = scim.getServiceProviderConfig();
        assertTrue(config.getPatch().isSupported());
        assertTrue(config.getFilter().isSupported());
        assertFalse(config.getBulk().isSupported());
        assertEquals(List.of("User", "Group"), scim.getResourceTypes().getResources().stream().map(ResourceTypeResource::getName).toList());
        assertEquals("urn:ietf:params:scim:schemas:core:2.0:User", scim.getSchema("urn:ietf:params:scim:schemas:core:2.0:User").getId());
    }

    @Test
    void onlyABearerTokenOfScopeScimIsLetIn() {
        HttpResponse<String> password = send(HttpRequest.newBuilder(URI.create(fx.gateway.baseUrl() + "/scim/v2/Users"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + GatewayNode.ADMIN_PASSWORD).getBytes())));
        assertEquals(401, password.statusCode(), password.body());
        assertTrue(password.body().contains("urn:ietf:params:scim:api:messages:2.0:Error"), password.body());
        String admin = fx.admin.post("/tokens", "{\"name\":\"not-scim\",\"scopes\":[\"admin\"]}").expect(201).object().getString("token");
        HttpResponse<String> outOfScope = send(HttpRequest.newBuilder(URI.create(fx.gateway.baseUrl() + "/scim/v2/Users"))
                .header("Authorization", "Bearer " + admin));
        assertEquals(403, outOfScope.statusCode(), outOfScope.body());
        assertEquals(404, Api.bearer(fx.gateway.baseUrl(), admin).get("/Users").status(), "SCIM is not under /api/v1");
    }

    /** A request the SCIM client would not send, written by hand; returns the body, which must come with {@code status}. */
    private static JsonObject raw(String method, String path, String body, int status) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(fx.gateway.baseUrl() + "/scim/v2" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/scim+json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/scim+json"), r.headers().toString());
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
