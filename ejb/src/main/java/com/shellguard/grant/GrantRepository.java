package com.shellguard.grant;

import java.util.List;
import java.util.Optional;

public interface GrantRepository {

    List<Grant> all();

    Optional<Grant> find(String id);

    void add(Grant grant);

    void remove(Grant grant);

    void removeForUser(String user);

    void removeForGroup(String group);

    void removeForServer(String server);
}
