package com.shellguard.token;

import java.util.List;
import java.util.Optional;

public interface ApiTokenRepository {

    Optional<ApiToken> find(String id);

    Optional<ApiToken> findByValue(String tokenValue);

    List<ApiToken> all();

    void add(ApiToken token);

    void remove(ApiToken token);

    void removeForOwner(String owner);
}
