package com.shellguard.connector.adapter.relay;

import java.time.Duration;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Channel flow-control settings shared by both sides of the relay. Small windows make the relay
 * wait for window adjustments on every few packets (paramiko's 64 KiB window made bulk copies 20x
 * slower); OpenSSH itself offers a 2 MiB window with 32 KiB packets, which is what these match, with
 * a larger window so the gateway's extra hop does not become the bottleneck.
 */
public final class TransferTuning {

    private static final long WINDOW = 8L * 1024 * 1024;
    private static final long PACKET = 32L * 1024;

    private TransferTuning() {
    }

    public static void apply(FactoryManager manager) {
        CoreModuleProperties.WINDOW_SIZE.set(manager, WINDOW);
        CoreModuleProperties.MAX_PACKET_SIZE.set(manager, PACKET);
        CoreModuleProperties.NIO2_READ_BUFFER_SIZE.set(manager, 64 * 1024);
        CoreModuleProperties.IDLE_TIMEOUT.set(manager, Duration.ZERO);
    }
}
