package com.shellguard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoginDoorTest {

    @Test
    void everyRestDoorRefusesAPasswordAloneForAnAccountWithASecondFactorTheAccessRequestsIncluded() {
        Set<LoginDoor> basic = EnumSet.noneOf(LoginDoor.class);
        for (LoginDoor door : LoginDoor.values()) {
            if (door.cannotCarrySecondFactor()) {
                basic.add(door);
            }
        }
        assertEquals(EnumSet.of(LoginDoor.API, LoginDoor.ENROLMENT, LoginDoor.REQUESTS), basic);
    }
}
