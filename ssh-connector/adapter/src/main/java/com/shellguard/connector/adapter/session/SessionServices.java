package com.shellguard.connector.adapter.session;

import com.shellguard.connector.adapter.upstream.UpstreamConnector;
import com.shellguard.connector.api.GatewayListener;
import jakarta.resource.spi.work.WorkManager;
import java.time.Duration;

/** What every proxied session needs from the adapter; one instance per running gateway. */
public record SessionServices(GatewayListener listener, UpstreamConnector upstream, WorkManager workManager,
                              String nodeName, Duration timeout) {
}
