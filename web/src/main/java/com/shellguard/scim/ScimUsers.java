package com.shellguard.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shellguard.provisioning.PersonDraft;
import com.shellguard.user.EmailAddress;
import com.shellguard.user.GatewayUser;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.Group;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;

/** A gateway user as a SCIM User (RFC 7643 4.1) and back: userName, displayName, emails, active, externalId; groups read-only. */
final class ScimUsers {

    private ScimUsers() {
    }

    static UserResource resource(GatewayUser user, Map<String, String> groupIds, URI base) {
        UserResource r = new UserResource();
        r.setId(user.getId());
        r.setExternalId(user.getExternalId());
        r.setUserName(user.getUsername());
        r.setDisplayName(user.getDisplayName());
        r.setActive(user.isEnabled());
        if (!user.getEmails().isEmpty()) {
            r.setEmails(user.getEmails().stream().map(e -> new Email().setValue(e.address()).setType(e.kind())
                    .setPrimary(e.primary() ? Boolean.TRUE : null)).toList());
        }
        List<Group> groups = user.getGroups().stream().filter(groupIds::containsKey).sorted()
                .map(g -> new Group().setValue(groupIds.get(g)).setDisplay(g).setRef(base.resolve("Groups/" + groupIds.get(g)))).toList();
        if (!groups.isEmpty()) {
            r.setGroups(groups);
        }
        r.setMeta(meta("User", user.getCreated(), base.resolve("Users/" + user.getId())));
        return r;
    }

    static Meta meta(String resourceType, OffsetDateTime created, URI location) {
        Meta meta = new Meta().setResourceType(resourceType).setLocation(location);
        if (created != null) {
            meta.setCreated(GregorianCalendar.from(created.toZonedDateTime()));
        }
        return meta;
    }

    static PersonDraft draft(ObjectNode body) throws ScimException {
        if (body == null) {
            throw BadRequestException.invalidSyntax("a User needs a body");
        }
        UserResource user;
        try {
            user = JsonUtils.nodeToValue(ScimPatches.fixActive(body.deepCopy()), UserResource.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw BadRequestException.invalidSyntax("not a valid User: " + e.getMessage());
        }
        List<EmailAddress> emails = new ArrayList<>();
        if (user.getEmails() != null) {
            for (Email e : user.getEmails()) {
                if (e.getValue() == null || e.getValue().isBlank()) {
                    throw BadRequestException.invalidValue("emails[].value is required");
                }
                emails.add(new EmailAddress(e.getValue(), e.getType(), Boolean.TRUE.equals(e.getPrimary())));
            }
        }
        return new PersonDraft(user.getUserName(), user.getExternalId(), user.getDisplayName(), emails, user.getActive(),
                user.getPassword());
    }
}
