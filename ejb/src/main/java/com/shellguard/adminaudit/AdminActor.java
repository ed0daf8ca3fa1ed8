package com.shellguard.adminaudit;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is making changes in this request, as the door that authenticated them says: the account, the API token's
 * name (null for a password), the source address ({@code host:port}) and the door. Unknown until a door says so; the
 * recorder records nothing for a request whose actor is unknown.
 */
@RequestScoped
public class AdminActor {

    private String user;
    private String token;
    private String sourceAddress;
    private Channel channel;
    private int recorded;

    public void identify(String user, String token, String sourceAddress, Channel channel) {
        this.user = user;
        this.token = token;
        this.sourceAddress = sourceAddress;
        this.channel = channel;
    }

    public boolean known() {
        return user != null;
    }

    public String user() {
        return user;
    }

    public String token() {
        return token;
    }

    public String sourceAddress() {
        return sourceAddress;
    }

    public Channel channel() {
        return channel;
    }

    /** How many changes this request recorded so far. */
    public int recorded() {
        return recorded;
    }

    void countRecorded() {
        recorded++;
    }
}
