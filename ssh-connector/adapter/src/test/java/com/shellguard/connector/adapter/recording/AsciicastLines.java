package com.shellguard.connector.adapter.recording;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.util.List;

/** Reads back what the recording wrote, line by line, with a real JSON parser: any escaping mistake fails here. */
final class AsciicastLines {

    private AsciicastLines() {
    }

    static JsonObject header(String cast) {
        return (JsonObject) parse(cast.lines().findFirst().orElseThrow());
    }

    static List<JsonArray> events(String cast) {
        return cast.lines().skip(1).map(l -> (JsonArray) parse(l)).toList();
    }

    /** Every output event's text joined, as a player would show it. */
    static String output(String cast) {
        StringBuilder text = new StringBuilder();
        events(cast).stream().filter(e -> e.getString(1).equals("o")).forEach(e -> text.append(e.getString(2)));
        return text.toString();
    }

    private static JsonStructure parse(String line) {
        try (var reader = Json.createReader(new StringReader(line))) {
            return reader.read();
        }
    }
}
