package com.shellguard.directory;

import com.shellguard.common.Names;
import com.shellguard.common.ValidationException;
import com.shellguard.user.Role;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which gateway groups and which role a person's directory groups give them. A directory group named in the map
 * ({@code SHELLGUARD_LDAP_GROUP_MAP}, {@code Directory Group=gateway-group;...}) gives its gateway group; any other
 * gives the gateway group of the same name if the gateway has one, so an admin can write grants for a group and let
 * the directory fill it. Directory group names are compared without regard to case, as LDAP compares them. A
 * directory group in {@code SHELLGUARD_LDAP_ADMIN_GROUPS} makes the person ADMIN, else one in
 * {@code SHELLGUARD_LDAP_AUDITOR_GROUPS} AUDITOR, else USER.
 */
public record DirectoryGroupMapping(Map<String, String> map, Set<String> adminGroups, Set<String> auditorGroups) {

    public DirectoryGroupMapping {
        map = folded(map);
        adminGroups = folded(adminGroups);
        auditorGroups = folded(auditorGroups);
    }

    /** Parses {@code Directory Group=gateway-group;Other=other}; a gateway group must be a valid group name. */
    public static DirectoryGroupMapping parse(String map, String adminGroups, String auditorGroups) {
        Map<String, String> pairs = new TreeMap<>();
        for (String pair : split(map, ";")) {
            int eq = pair.lastIndexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new ValidationException("SHELLGUARD_LDAP_GROUP_MAP: \"" + pair + "\" is not DIRECTORY_GROUP=GATEWAY_GROUP");
            }
            String gatewayGroup = pair.substring(eq + 1).trim();
            Names.require("SHELLGUARD_LDAP_GROUP_MAP's gateway group", gatewayGroup);
            pairs.put(pair.substring(0, eq).trim(), gatewayGroup);
        }
        return new DirectoryGroupMapping(pairs, Set.copyOf(split(adminGroups, ";")), Set.copyOf(split(auditorGroups, ";")));
    }

    /** The gateway groups of someone in these directory groups, given the names of the groups the gateway has. */
    public Set<String> gatewayGroups(Collection<String> directoryGroups, Collection<String> existingGatewayGroups) {
        Map<String, String> existing = new TreeMap<>();
        existingGatewayGroups.forEach(g -> existing.putIfAbsent(fold(g), g));
        Set<String> groups = new TreeSet<>();
        for (String directoryGroup : directoryGroups) {
            String mapped = map.get(fold(directoryGroup));
            if (mapped != null) {
                groups.add(mapped);
            } else if (existing.containsKey(fold(directoryGroup))) {
                groups.add(existing.get(fold(directoryGroup)));
            }
        }
        return groups;
    }

    public Role role(Collection<String> directoryGroups) {
        if (directoryGroups.stream().map(DirectoryGroupMapping::fold).anyMatch(adminGroups::contains)) {
            return Role.ADMIN;
        }
        return directoryGroups.stream().map(DirectoryGroupMapping::fold).anyMatch(auditorGroups::contains) ? Role.AUDITOR : Role.USER;
    }

    private static Set<String> split(String list, String separator) {
        Set<String> items = new TreeSet<>();
        if (list != null) {
            for (String item : list.split(separator)) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Set<String> folded(Set<String> names) {
        Set<String> folded = new TreeSet<>();
        names.forEach(n -> folded.add(fold(n)));
        return Set.copyOf(folded);
    }

    private static Map<String, String> folded(Map<String, String> map) {
        Map<String, String> folded = new TreeMap<>();
        map.forEach((k, v) -> folded.put(fold(k), v));
        return Map.copyOf(folded);
    }
}
