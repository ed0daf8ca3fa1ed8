package com.shellguard.connector.adapter.session;

import com.shellguard.connector.adapter.hook.HookInstaller;
import com.shellguard.connector.adapter.recording.Recordings;
import com.shellguard.connector.adapter.runtime.BlockingWork;
import com.shellguard.connector.adapter.upstream.UpstreamConnector;
import com.shellguard.connector.api.GatewayListener;
import java.time.Duration;

/** What every proxied session needs from the adapter; one instance per running gateway. */
public record SessionServices(GatewayListener listener, UpstreamConnector upstream, HookInstaller hooks, BlockingWork work,
                              String nodeName, Duration timeout, Recordings recordings, LiveSessions live) {
}
