package com.shellguard.grant;

import java.util.List;
import java.util.Optional;

public interface GrantRepository {

    List<Grant> all();

    Optional<Grant> find(String id);

    /** Grants whose expiry is at or before {@code at}. */
    List<Grant> expiredBy(java.time.OffsetDateTime at);

    void add(Grant grant);

    void remove(Grant grant);

    void removeForUser(String user);

    void removeForGroup(String group);

    void removeForServer(String server);
}
