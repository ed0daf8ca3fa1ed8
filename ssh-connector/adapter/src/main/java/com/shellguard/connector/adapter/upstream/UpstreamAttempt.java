package com.shellguard.connector.adapter.upstream;

import java.security.PublicKey;
import org.apache.sshd.common.AttributeRepository.AttributeKey;

/**
 * Travels with one upstream connection (as its connection context): which host-key types it may negotiate, who
 * judges the key the server proves, and what the connection learned on the way (the server's offer, why the key
 * was refused, why the connection failed).
 */
final class UpstreamAttempt {

    static final AttributeKey<UpstreamAttempt> KEY = new AttributeKey<>();

    /** Decides a host key the server proved: null trusts it, anything else is why not. */
    @FunctionalInterface
    interface HostKeyJudge {
        String refusal(PublicKey key);
    }

    private final HostKeyTypes types;
    private final HostKeyJudge judge;
    private volatile String hostKeyRefusal;
    private volatile String serverHostKeyAlgorithms;
    private volatile Throwable failure;

    UpstreamAttempt(HostKeyTypes types, HostKeyJudge judge) {
        this.types = types;
        this.judge = judge;
    }

    HostKeyTypes types() {
        return types;
    }

    /** True when {@code key} is trusted; a refusal is kept for the error the connection then ends with. */
    boolean judge(PublicKey key) {
        String refusal = judge.refusal(key);
        if (refusal != null) {
            hostKeyRefusal = refusal;
        }
        return refusal == null;
    }

    String hostKeyRefusal() {
        return hostKeyRefusal;
    }

    /** The host-key algorithms the server offered in its key exchange init, null before it arrived. */
    String serverHostKeyAlgorithms() {
        return serverHostKeyAlgorithms;
    }

    void serverOffered(String hostKeyAlgorithms) {
        serverHostKeyAlgorithms = hostKeyAlgorithms;
    }

    Throwable failure() {
        return failure;
    }

    void failed(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
    }
}
