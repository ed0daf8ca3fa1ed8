package com.shellguard.console.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.shellguard.command.audit.Verdict;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditSearchTest {

    private static Map<String, String> parameters(String query) {
        Map<String, String> p = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            p.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void theExportLinkCarriesTheSearchThePageRan() {
        AuditSearch search = new AuditSearch();
        search.setKind(AuditKind.COMMANDS);
        search.setUser("alice");
        search.setVerdict(Verdict.BLOCKED);
        search.setText("rm -rf & friends");
        search.setFrom(LocalDateTime.of(2026, 11, 23, 8, 30));

        AuditSearch read = AuditSearch.of(parameters(search.queryString())::get);
        assertEquals(AuditKind.COMMANDS, read.getKind());
        assertEquals("alice", read.getUser());
        assertEquals(Verdict.BLOCKED, read.getVerdict());
        assertEquals("rm -rf & friends", read.getText());
        assertEquals(LocalDateTime.of(2026, 11, 23, 8, 30), read.getFrom());
        assertNull(read.getTo());
        assertNull(read.getServer());
    }

    @Test
    void aMalformedSearchIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AuditSearch.of(Map.of("kind", "EVERYTHING")::get));
        assertThrows(DateTimeParseException.class, () -> AuditSearch.of(Map.of("from", "yesterday")::get));
    }
}
