package com.shellguard.server;

import java.util.List;
import java.util.Optional;

public interface ServerRepository {

    Optional<Server> find(String name);

    List<Server> all();

    void add(Server server);

    void remove(Server server);

    List<ServerAccount> accounts(Server server);

    Optional<ServerAccount> account(Server server, String login);

    void addAccount(ServerAccount account);

    void removeAccount(ServerAccount account);
}
