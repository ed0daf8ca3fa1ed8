package com.shellguard.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shellguard.provisioning.GroupDraft;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.UserGroup;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.net.URI;
import java.util.List;

/** A gateway group as a SCIM Group (RFC 7643 4.2): displayName is the group's name, members are users by id. */
final class ScimGroups {

    private ScimGroups() {
    }

    static GroupResource resource(UserGroup group, List<GatewayUser> members, URI base) {
        GroupResource r = new GroupResource();
        r.setId(group.getId());
        r.setExternalId(group.getExternalId());
        r.setDisplayName(group.getName());
        r.setMembers(members.stream().map(u -> new Member().setValue(u.getId()).setDisplay(u.getUsername()).setType("User")
                .setRef(base.resolve("Users/" + u.getId()))).toList());
        r.setMeta(ScimUsers.meta("Group", group.getCreated(), base.resolve("Groups/" + group.getId())));
        return r;
    }

    static GroupDraft draft(ObjectNode body) throws ScimException {
        if (body == null) {
            throw BadRequestException.invalidSyntax("a Group needs a body");
        }
        GroupResource group;
        try {
            group = JsonUtils.nodeToValue(body, GroupResource.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw BadRequestException.invalidSyntax("not a valid Group: " + e.getMessage());
        }
        List<String> members = group.getMembers() == null ? List.of() : group.getMembers().stream().map(m -> {
            if (m.getValue() == null) {
                throw new com.shellguard.common.ValidationException("members[].value is required");
            }
            return m.getValue();
        }).toList();
        return new GroupDraft(group.getDisplayName(), group.getExternalId(), members);
    }
}
