package com.shellguard.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccessWebhookTest {

    @Test
    void theSignatureIsTheHmacSha256OfTheBodyAsRfc4231ComputesIt() {
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                AccessWebhook.sign("Jefe", "what do ya want for nothing?"));
    }
}
