package com.shellguard.user;

import java.util.List;

/** A group as the API shows it: its name and the user names of its members, sorted. */
public record GroupMembers(String name, List<String> members) {
}
