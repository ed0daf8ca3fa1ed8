package com.shellguard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.common.ValidationException;
import org.junit.jupiter.api.Test;

class ExportUrlTest {

    @Test
    void syslogUrlsNameTcpOrTlsWithTheirStandardPortsByDefault() {
        assertEquals(514, ExportUrl.parse("syslog+tcp://siem.example", ExportKind.SYSLOG).port());
        assertEquals(6514, ExportUrl.parse("syslog+tls://siem.example", ExportKind.SYSLOG).port());
        ExportUrl given = ExportUrl.parse("syslog+tls://10.0.0.7:1514", ExportKind.SYSLOG);
        assertEquals("10.0.0.7", given.host());
        assertEquals(1514, given.port());
        assertTrue(given.tls());
    }

    @Test
    void aUrlOfTheWrongKindOrShapeIsRefusedWithItsReason() {
        assertTrue(assertThrows(ValidationException.class, () -> ExportUrl.parse("https://x/", ExportKind.SYSLOG))
                .getMessage().contains("syslog+tcp://"));
        assertTrue(assertThrows(ValidationException.class, () -> ExportUrl.parse("syslog+tcp://x:1", ExportKind.WEBHOOK))
                .getMessage().contains("http://"));
        assertThrows(ValidationException.class, () -> ExportUrl.parse("syslog+udp://x:514", ExportKind.SYSLOG));
        assertThrows(ValidationException.class, () -> ExportUrl.parse("syslog+tcp://x:514/path", ExportKind.SYSLOG));
        assertThrows(ValidationException.class, () -> ExportUrl.parse("https://user:pw@x/hook", ExportKind.WEBHOOK));
        assertThrows(ValidationException.class, () -> ExportUrl.parse("not a url", ExportKind.WEBHOOK));
        assertThrows(ValidationException.class, () -> ExportUrl.parse(null, ExportKind.WEBHOOK));
    }
}
