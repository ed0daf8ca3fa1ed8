package com.shellguard.connector.adapter.server;

import org.apache.sshd.common.Service;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.session.ServerUserAuthService;
import org.apache.sshd.server.session.ServerUserAuthServiceFactory;

/**
 * MINA's user authentication with a second step for the people who need one. MINA can require two methods in a row
 * ({@code auth-methods}), but for every connection alike, before it knows who connects; here the application's
 * verdict on the password or key decides ({@link AuthenticationTrail}). When it asks for a second factor, the
 * method's success is answered as a partial success (RFC 4252 section 5.1) that offers only keyboard-interactive,
 * where {@link GatewayAuthenticator} asks for the code; the login completes only when that succeeds.
 *
 * <p>Keyboard-interactive is never offered before a password or key was accepted, so the stock client keeps asking
 * for the password itself, as without a second factor; except with single sign-on configured, where it is offered
 * first too, to everyone alike, with a prompt that takes the sign-on or a password ({@link DeviceSignOn}).
 */
final class SecondFactorUserAuthService extends ServerUserAuthService {

    private static final String FIRST_FACTORS = UserAuthPublicKeyFactory.NAME + "," + UserAuthPasswordFactory.NAME;
    private static final String SECOND_FACTOR = UserAuthKeyboardInteractiveFactory.NAME;

    /** Puts this service where MINA's own would be; with single sign-on, keyboard-interactive is a first factor too. */
    static ServerUserAuthServiceFactory factory(boolean singleSignOn) {
        return new ServerUserAuthServiceFactory() {
            @Override
            public Service create(Session session) throws java.io.IOException {
                return new SecondFactorUserAuthService(session, singleSignOn ? FIRST_FACTORS + "," + SECOND_FACTOR : FIRST_FACTORS);
            }
        };
    }

    private final String firstFactors;

    private SecondFactorUserAuthService(Session session, String firstFactors) throws java.io.IOException {
        super(session);
        this.firstFactors = firstFactors;
    }

    @Override
    protected void handleAuthenticationSuccess(int cmd, Buffer buffer) throws Exception {
        if (AuthenticationTrail.of(getServerSession()).methodSucceeded()) {
            super.handleAuthenticationSuccess(cmd, buffer);
            return;
        }
        answer(SECOND_FACTOR, true);
    }

    @Override
    protected void handleAuthenticationFailure(int cmd, Buffer buffer) throws Exception {
        answer(AuthenticationTrail.of(getServerSession()).awaitsSecondFactor() ? SECOND_FACTOR : firstFactors, false);
    }

    private void answer(String methods, boolean partialSuccess) throws java.io.IOException {
        ServerSession session = getServerSession();
        Buffer response = session.createBuffer(SshConstants.SSH_MSG_USERAUTH_FAILURE, methods.length() + Byte.SIZE);
        response.putString(methods);
        response.putBoolean(partialSuccess);
        session.writePacket(response);
    }
}
