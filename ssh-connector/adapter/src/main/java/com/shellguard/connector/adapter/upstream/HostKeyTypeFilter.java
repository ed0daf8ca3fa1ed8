package com.shellguard.connector.adapter.upstream;

import java.util.Map;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/**
 * Narrows each upstream connection's host-key algorithms to the types its attempt allows, before the client's key
 * exchange init goes out, and keeps what the server offered and why a connection failed, for the message.
 */
final class HostKeyTypeFilter implements SessionListener {

    @Override
    public void sessionNegotiationOptionsCreated(Session session, Map<KexProposalOption, String> proposal) {
        UpstreamAttempt attempt = attempt(session);
        if (attempt != null) {
            proposal.put(KexProposalOption.SERVERKEYS, attempt.types().restrict(proposal.get(KexProposalOption.SERVERKEYS)));
        }
    }

    @Override
    public void sessionNegotiationStart(Session session, Map<KexProposalOption, String> clientProposal,
                                        Map<KexProposalOption, String> serverProposal) {
        UpstreamAttempt attempt = attempt(session);
        if (attempt != null) {
            attempt.serverOffered(serverProposal.get(KexProposalOption.SERVERKEYS));
        }
    }

    @Override
    public void sessionException(Session session, Throwable t) {
        UpstreamAttempt attempt = attempt(session);
        if (attempt != null) {
            attempt.failed(t);
        }
    }

    private static UpstreamAttempt attempt(Session session) {
        return session instanceof ClientSession client && client.getConnectionContext() != null
                ? client.getConnectionContext().getAttribute(UpstreamAttempt.KEY) : null;
    }
}
