package com.shellguard.connector.adapter.session;

import com.shellguard.connector.api.AccessAsk;
import com.shellguard.connector.api.ChannelKind;
import com.shellguard.connector.api.GatewayListener;
import com.shellguard.connector.api.TargetChoice;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Choosing the target: the server the SSH user name names, else, for an interactive shell, the menu of the
 * servers the user may use, and of those they may request access to. Other kinds of channel cannot show a menu,
 * so they must name a server.
 */
final class TargetChooser {

    private static final Duration MENU_IDLE_LIMIT = Duration.ofMinutes(5);

    private final GatewayListener listener;
    private final UserChannel user;
    private final ChannelKind kind;

    TargetChooser(GatewayListener listener, UserChannel user, ChannelKind kind) {
        this.listener = listener;
        this.user = user;
        this.kind = kind;
    }

    /** @throws EndOfSession when no server is named and none is chosen from the menu */
    TargetSelector choose() throws IOException, EndOfSession {
        TargetSelector asked = TargetSelector.parse(user.sshUserName());
        if (asked.namesServer()) {
            return asked;
        }
        if (kind != ChannelKind.SHELL) {
            throw new EndOfSession(SessionEnd.refused("name a server: ssh " + asked.user() + "@SERVER@gateway or "
                    + asked.user() + "@LOGIN@SERVER@gateway"));
        }
        List<TargetChoice> choices = listener.listTargets(asked.user());
        List<TargetChoice> requestable = listener.requestableTargets(asked.user());
        if (choices.isEmpty() && requestable.isEmpty()) {
            throw new EndOfSession(SessionEnd.refused(asked.user() + " has no access to any server"));
        }
        Optional<TargetChoice> choice = new TargetMenu(user.in(), user.out(), user.hasTerminal(), MENU_IDLE_LIMIT)
                .choose(asked.user(), choices, requestable, (target, minutes, reason) -> listener.requestAccess(
                        new AccessAsk(asked.user(), target.server(), target.login(), minutes, reason, user.peerAddress())));
        if (choice.isEmpty()) {
            throw new EndOfSession(SessionEnd.leftMenu());
        }
        return asked.withTarget(choice.get().login(), choice.get().server());
    }
}
