package com.shellguard.user;

import java.util.List;
import java.util.Set;

/**
 * What a caller asks a user to be. Null fields mean "not given": on create they take defaults, on update
 * they leave the stored value alone (a password is never echoed back, so an update without one keeps it).
 */
public record UserDraft(String username, String password, List<String> publicKeys, Role role, Set<String> groups,
                        Boolean enabled) {
}
