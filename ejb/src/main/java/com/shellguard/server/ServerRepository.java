package com.shellguard.server;

import java.util.List;
import java.util.Optional;

public interface ServerRepository {

    Optional<Server> find(String name);

    /** The server read again from the database and locked until the transaction ends (host-key decisions). */
    Optional<Server> findForUpdate(String name);

    /** Servers that still hold an earlier version's single host key. */
    List<Server> withLegacyHostKey();

    List<Server> all();

    void add(Server server);

    void remove(Server server);

    List<ServerAccount> accounts(Server server);

    Optional<ServerAccount> account(Server server, String login);

    void addAccount(ServerAccount account);

    void removeAccount(ServerAccount account);
}
