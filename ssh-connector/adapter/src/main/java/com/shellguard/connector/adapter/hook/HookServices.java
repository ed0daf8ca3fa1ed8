package com.shellguard.connector.adapter.hook;

import com.shellguard.connector.adapter.runtime.BlockingWork;
import com.shellguard.connector.api.GatewayListener;
import java.time.Duration;

/**
 * What the hook side of the connector needs: one instance per running gateway.
 *
 * @param silence how long a line entered at a hooked shell's prompt may go unreported before {@code HOOK_SILENT}
 *                (zero: not watched)
 */
public record HookServices(GatewayListener listener, BlockingWork work, CommandAuditQueue audit, Duration timeout,
                           Duration silence) {
}
