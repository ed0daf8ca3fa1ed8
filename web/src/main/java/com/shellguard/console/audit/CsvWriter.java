package com.shellguard.console.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV (RFC 4180) that is safe to open in a spreadsheet: a cell starting with {@code = + - @}, a tab or a
 * carriage return would be read as a formula there (CSV injection: a user name or a typed command is data an
 * attacker chooses), so such a cell gets a leading apostrophe.
 */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
