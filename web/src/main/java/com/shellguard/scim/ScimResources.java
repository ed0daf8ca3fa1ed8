package com.shellguard.scim;

import java.util.List;

/** What the SCIM resources have in common: the media type, and how {@code /api/v1} tells them from its own. */
public final class ScimResources {

    public static final String MEDIA_TYPE = "application/scim+json";

    private ScimResources() {
    }

    /**
     * Whether a request was matched to a SCIM resource class. {@code /api/v1} scans every resource class of the WAR,
     * these included; its access filter refuses them there, so SCIM is reachable only at {@code /scim/v2}.
     */
    public static boolean isScim(List<Object> matchedResources) {
        return matchedResources.stream().anyMatch(r -> r.getClass().getName().startsWith(ScimResources.class.getPackageName() + "."));
    }
}
