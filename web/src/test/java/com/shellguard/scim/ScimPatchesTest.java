package com.shellguard.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScimPatchesTest {

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JsonUtils.getObjectReader().readTree(text);
    }

    private static GenericScimResource group(String... memberIds) throws Exception {
        StringBuilder members = new StringBuilder();
        for (String id : memberIds) {
            members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        return new GenericScimResource(json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"ops\",\"members\":["
                + members + "]}"));
    }

    private static final String OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":";

    @Test
    void aValueFilterInThePathRemovesOneMember() throws Exception {
        GenericScimResource g = ScimPatches.apply(json(OP + "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"a\\\"]\"}]}"), group("a", "b"));
        assertEquals(1, g.getObjectNode().get("members").size());
        assertEquals("b", g.getObjectNode().get("members").get(0).get("value").asText());
    }

    @Test
    void entraIdsRemoveWithAValueListAndCapitalisedOperationIsTheSame() throws Exception {
        GenericScimResource g = ScimPatches.apply(json(OP + "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"a\"}]}]}"), group("a", "b"));
        assertEquals(1, g.getObjectNode().get("members").size());
    }

    @Test
    void addWithAPathAppendsMembers() throws Exception {
        GenericScimResource g = ScimPatches.apply(json(OP + "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"c\"}]}]}"), group("a"));
        assertEquals(2, g.getObjectNode().get("members").size());
    }

    @Test
    void aReplaceWithoutPathTakesAValueObjectAndActiveAsAString() throws Exception {
        GenericScimResource user = new GenericScimResource(json("{\"userName\":\"ada\",\"active\":true}"));
        ScimPatches.apply(json(OP + "[{\"op\":\"Replace\",\"value\":{\"active\":\"False\",\"displayName\":\"Ada\"}}]}"), user);
        assertFalse(user.getObjectNode().get("active").asBoolean());
        assertTrue(user.getObjectNode().get("active").isBoolean());
        assertEquals("Ada", user.getObjectNode().get("displayName").asText());
    }

    @Test
    void anUnknownOperationIsInvalidSyntax() throws Exception {
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> ScimPatches.apply(json(OP + "[{\"op\":\"frobnicate\",\"path\":\"active\",\"value\":false}]}"), group()));
        assertEquals("invalidSyntax", e.getScimError().getScimType());
    }

    @Test
    void noOperationsIsInvalidSyntax() {
        assertThrows(BadRequestException.class, () -> ScimPatches.apply(json(OP + "[]}"), group()));
    }

    @Test
    void listsAreFilteredByTheSdksGrammarAndPagedFromOne() throws ScimException {
        List<UserResource> users = IntStream.range(0, 5).mapToObj(i -> new UserResource().setUserName("u" + i).setActive(i % 2 == 0)).toList();
        ListResponse<UserResource> page = ScimLists.page(users, "userName sw \"u\" and active eq true", 2, 1);
        assertEquals(3, page.getTotalResults());
        assertEquals(List.of("u2"), page.getResources().stream().map(UserResource::getUserName).toList());
        assertEquals(2, page.getStartIndex());
        BadRequestException bad = assertThrows(BadRequestException.class, () -> ScimLists.page(users, "userName eq", null, null));
        assertEquals("invalidFilter", bad.getScimError().getScimType());
    }
}
