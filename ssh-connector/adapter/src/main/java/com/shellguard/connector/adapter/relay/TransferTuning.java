package com.shellguard.connector.adapter.relay;

import java.time.Duration;
import java.util.List;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.helpers.AbstractFactoryManager;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Cipher choice and channel flow control, shared by both sides of the relay.
 *
 * <p>Ciphers: every byte is decrypted and encrypted again at the gateway, so the cipher decides the
 * throughput. AES runs on the processor's AES instructions through the JDK's intrinsics; MINA's
 * ChaCha20-Poly1305 is plain Java and measured several times slower, so it is not offered (OpenSSH
 * clients, which prefer it, then settle on AES). AES-GCM comes first where the gateway chooses.
 *
 * <p>Flow control: small windows make the relay wait for window adjustments every few packets
 * (paramiko's 64 KiB window made bulk copies 20x slower). OpenSSH offers a 2 MiB window with 32 KiB
 * packets; the gateway matches the packets and offers a larger window so its extra hop does not
 * become the bottleneck.
 *
 * <p>No Nagle delay: small packets (keystrokes, window adjustments, the hook's reports and verdicts) share
 * each connection, and a keystroke held back until the peer acknowledged a window adjustment waited for
 * its delayed ACK, about 40 ms per typed command.
 */
public final class TransferTuning {

    private static final long WINDOW = 8L * 1024 * 1024;
    private static final long PACKET = 32L * 1024;
    private static final List<NamedFactory<Cipher>> CIPHERS = List.of(BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256gcm,
            BuiltinCiphers.aes128ctr, BuiltinCiphers.aes192ctr, BuiltinCiphers.aes256ctr);

    public static void apply(AbstractFactoryManager manager) {
        manager.setCipherFactories(CIPHERS);
        CoreModuleProperties.WINDOW_SIZE.set(manager, WINDOW);
        CoreModuleProperties.MAX_PACKET_SIZE.set(manager, PACKET);
        CoreModuleProperties.NIO2_READ_BUFFER_SIZE.set(manager, 64 * 1024);
        CoreModuleProperties.IDLE_TIMEOUT.set(manager, Duration.ZERO);
        CoreModuleProperties.TCP_NODELAY.set(manager, true);
    }

    private TransferTuning() {
    }
}
