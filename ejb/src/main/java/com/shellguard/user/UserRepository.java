package com.shellguard.user;

import java.util.List;
import java.util.Optional;

public interface UserRepository {

    Optional<GatewayUser> find(String username);

    /** By the account's stable id (what SCIM calls {@code id}), which outlives nothing but the account itself. */
    Optional<GatewayUser> findById(String id);

    Optional<UserGroup> findGroupById(String id);

    List<GatewayUser> all();

    /** The role of an enabled account as the database holds it now (not a cached copy); empty if gone or disabled. */
    Optional<Role> enabledRole(String username);

    List<GatewayUser> inGroup(String group);

    long countWithRole(Role role);

    long countEnabledWithRole(Role role);

    void add(GatewayUser user);

    void remove(GatewayUser user);

    Optional<UserGroup> findGroup(String name);

    List<UserGroup> allGroups();

    void addGroup(UserGroup group);

    void removeGroup(UserGroup group);
}
