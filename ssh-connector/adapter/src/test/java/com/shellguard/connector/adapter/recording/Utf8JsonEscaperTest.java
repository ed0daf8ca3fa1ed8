package com.shellguard.connector.adapter.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8JsonEscaperTest {

    /** The bytes fed in the given pieces, as the JSON string a parser reads back. */
    private static String escaped(byte[] bytes, int... cuts) throws IOException {
        Utf8JsonEscaper escaper = new Utf8JsonEscaper();
        JsonLine line = new JsonLine();
        line.put('"');
        int from = 0;
        for (int cut : cuts) {
            escaper.escape(bytes, from, cut - from, line);
            from = cut;
        }
        escaper.escape(bytes, from, bytes.length - from, line);
        escaper.finish(line);
        line.put('"');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line.writeTo(out);
        try (var reader = Json.createReader(new StringReader("[" + out.toString(StandardCharsets.UTF_8) + "]"))) {
            return reader.readArray().getString(0);
        }
    }

    @Test
    void textSplitInsideEveryCharacterComesOutWhole() throws IOException {
        byte[] text = "aé✓😀\"\\\u001b[0m\r\n".getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= text.length; cut++) {
            assertEquals(new String(text, StandardCharsets.UTF_8), escaped(text, cut), "cut at " + cut);
        }
    }

    @Test
    void everyByteThatNeedsCareIsFoundAtEveryPlaceOfAWordOfPlainText() throws IOException {
        // the escaper tests eight bytes at a time: each special byte must stop it wherever in the word it is
        String[] specials = {"\u0000", "\u0001", "\u001b", "\u001f", "\"", "\\", "\u007f", "é", "✓", "😀", "\n", "\t"};
        for (String special : specials) {
            for (int at = 0; at < 24; at++) {
                String text = "x".repeat(at) + special + "y".repeat(24 - at) + " !#~[]";
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                assertEquals(text, escaped(bytes), "at " + at + ": " + special);
            }
        }
        byte[] invalid = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < invalid.length; at++) {
            byte[] bytes = invalid.clone();
            bytes[at] = (byte) 0xff;
            String expected = new String(invalid, StandardCharsets.UTF_8).substring(0, at) + "\uFFFD"
                    + new String(invalid, StandardCharsets.UTF_8).substring(at + 1);
            assertEquals(expected, escaped(bytes), "0xff at " + at);
        }
    }

    @Test
    void eachMaximalMalformedSequenceBecomesOneReplacementAsUnicodeRecommends() throws IOException {
        String r = "\uFFFD";
        assertEquals(r + r + "a", escaped(new byte[] {(byte) 0xc0, (byte) 0x80, 'a'}), "overlong NUL");
        assertEquals(r + r + r + "b", escaped(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80, 'b'}), "a UTF-16 surrogate");
        assertEquals(r + "c", escaped(new byte[] {(byte) 0xf5, 'c'}), "beyond U+10FFFF");
        assertEquals(r + "d", escaped(new byte[] {(byte) 0xe2, (byte) 0x9c, 'd'}), "truncated, then ASCII");
        assertEquals(r + "d", escaped(new byte[] {(byte) 0xe2, (byte) 0x9c, 'd'}, 1), "truncated across reads");
        assertEquals(r, escaped(new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98}, 2), "truncated when the stream ends");
        assertEquals(r + r, escaped(new byte[] {(byte) 0x80, (byte) 0xbf}), "lone continuation bytes");
    }

    @Test
    void randomBinaryReadsBackTheSameHoweverItIsSplitAndKeepsEveryValidCharacter() throws IOException {
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            int[] cuts = random.ints(random.nextInt(4), 0, bytes.length + 1).sorted().toArray();
            String whole = escaped(bytes);
            assertEquals(whole, escaped(bytes, cuts), "round " + round);
            assertEquals(new String(bytes, StandardCharsets.UTF_8).replace("\uFFFD", ""), whole.replace("\uFFFD", ""),
                    "round " + round + ": the valid characters, as a decoder finds them");
        }
    }
}
