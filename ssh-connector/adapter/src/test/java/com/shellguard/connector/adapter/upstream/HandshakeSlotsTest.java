package com.shellguard.connector.adapter.upstream;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HandshakeSlotsTest {

    private final HandshakeSlots slots = new HandshakeSlots();

    @Test
    void aServersNinthHandshakeWaitsUntilOneOfTheEightEnds() throws Exception {
        List<HandshakeSlots.Slot> held = new ArrayList<>();
        for (int i = 0; i < HandshakeSlots.PER_SERVER; i++) {
            held.add(slots.acquire("10.0.0.5", 22, Duration.ofSeconds(5)));
        }
        CompletableFuture<HandshakeSlots.Slot> ninth = CompletableFuture.supplyAsync(() -> {
            try {
                return slots.acquire("10.0.0.5", 22, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertTrue(!ninth.isDone(), "the ninth handshake waits");
        held.get(0).close();
        held.get(0).close();
        ninth.get(10, TimeUnit.SECONDS).close();
    }

    @Test
    void anotherServerDoesNotWaitForThisOnesHandshakes() throws Exception {
        for (int i = 0; i < HandshakeSlots.PER_SERVER; i++) {
            slots.acquire("10.0.0.5", 22, Duration.ofSeconds(5));
        }
        CompletableFuture<HandshakeSlots.Slot> other = CompletableFuture.supplyAsync(() -> {
            try {
                return slots.acquire("10.0.0.6", 22, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        other.get(10, TimeUnit.SECONDS).close();
    }
}
