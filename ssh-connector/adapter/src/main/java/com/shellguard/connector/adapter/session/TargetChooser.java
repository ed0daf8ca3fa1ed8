package com.shellguard.connector.adapter.session;

import com.shellguard.connector.api.AccessAsk;
import com.shellguard.connector.api.ChannelKind;
import com.shellguard.connector.api.GatewayListener;
import com.shellguard.connector.api.TargetChoice;
import com.shellguard.connector.adapter.runtime.BlockingWork;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Choosing the target: the server the SSH user name names, else, for an interactive shell, the menu of the
 * servers the user may use, and of those they may request access to. Other kinds of channel cannot show a menu,
 * so they must name a server. The menu holds no thread while the user reads it ({@link TargetMenu}).
 */
final class TargetChooser {

    private static final Duration MENU_IDLE_LIMIT = Duration.ofMinutes(5);

    private final GatewayListener listener;
    private final BlockingWork work;
    private final UserChannel user;
    private final ChannelKind kind;

    TargetChooser(GatewayListener listener, BlockingWork work, UserChannel user, ChannelKind kind) {
        this.listener = listener;
        this.work = work;
        this.user = user;
        this.kind = kind;
    }

    /**
     * The target, at once when the user name names it, else once the user chose it in the menu; completes
     * exceptionally with an {@link EndOfSession} when no server is named and none is chosen, or with the menu's
     * {@link java.io.IOException}.
     *
     * @throws EndOfSession when no server is named and no menu can be offered
     */
    CompletableFuture<TargetSelector> choose() throws EndOfSession {
        TargetSelector asked = TargetSelector.parse(user.sshUserName());
        if (asked.namesServer()) {
            return CompletableFuture.completedFuture(asked);
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
        return new TargetMenu(user.in(), user.out(), user.hasTerminal(), MENU_IDLE_LIMIT, user.scheduler(), work::submit)
                .choose(asked.user(), choices, requestable, (target, minutes, reason) -> listener.requestAccess(
                        new AccessAsk(asked.user(), target.server(), target.login(), minutes, reason, user.peerAddress())))
                .thenApply(choice -> choice.map(c -> asked.withTarget(c.login(), c.server()))
                        .orElseThrow(() -> new CompletionException(new EndOfSession(SessionEnd.leftMenu()))));
    }
}
