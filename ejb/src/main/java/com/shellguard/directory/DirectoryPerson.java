package com.shellguard.directory;

import java.util.Set;

/** A person as the directory holds them: their entry, whether the directory disables them, their groups' names. */
public record DirectoryPerson(String dn, boolean disabled, Set<String> groups) {

    public DirectoryPerson {
        groups = Set.copyOf(groups);
    }
}
