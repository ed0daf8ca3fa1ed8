package com.shellguard.provisioning;

import java.util.List;

/** A group as an identity provider sends it: its name, its id at the provider, and its members by account id. */
public record GroupDraft(String displayName, String externalId, List<String> memberIds) {
}
