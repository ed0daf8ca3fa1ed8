package com.shellguard.connector.adapter.upstream;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HandshakeSlotsTest {

    private final HandshakeSlots slots = new HandshakeSlots(HandshakeSlots.DEFAULT_PER_SERVER);

    @Test
    void aServersEleventhHandshakeWaitsUntilOneOfTheTenEnds() throws Exception {
        List<HandshakeSlots.Slot> held = new ArrayList<>();
        for (int i = 0; i < HandshakeSlots.DEFAULT_PER_SERVER; i++) {
            held.add(slots.acquire("10.0.0.5", 22, Duration.ofSeconds(5)));
        }
        CompletableFuture<HandshakeSlots.Slot> eleventh = CompletableFuture.supplyAsync(() -> {
            try {
                return slots.acquire("10.0.0.5", 22, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertTrue(!eleventh.isDone(), "the eleventh handshake waits");
        held.get(0).close();
        held.get(0).close();
        eleventh.get(10, TimeUnit.SECONDS).close();
    }

    @Test
    void anotherServerDoesNotWaitForThisOnesHandshakes() throws Exception {
        for (int i = 0; i < HandshakeSlots.DEFAULT_PER_SERVER; i++) {
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

    @Test
    void withoutALimitNoHandshakeWaits() throws Exception {
        HandshakeSlots unlimited = new HandshakeSlots(0);
        for (int i = 0; i < 1000; i++) {
            unlimited.acquire("10.0.0.5", 22, Duration.ZERO);
        }
        CompletableFuture<HandshakeSlots.Slot> next = CompletableFuture.supplyAsync(() -> {
            try {
                return unlimited.acquire("10.0.0.5", 22, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        next.get(1, TimeUnit.SECONDS).close();
    }
}
