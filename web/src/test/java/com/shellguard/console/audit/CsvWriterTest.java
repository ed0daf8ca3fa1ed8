package com.shellguard.console.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void cellsAPreadsheetWouldReadAsFormulasAreQuoted() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", CsvWriter.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1", CsvWriter.cell("+1"));
        assertEquals("'-rf", CsvWriter.cell("-rf"));
        assertEquals("'@SUM(A1)", CsvWriter.cell("@SUM(A1)"));
        assertEquals("rm -rf /", CsvWriter.cell("rm -rf /"));
    }

    @Test
    void separatorsQuotesAndLineBreaksAreEnclosed() throws IOException {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(Arrays.asList("a,b", "say \"hi\"", "two\nlines", null, "plain"));
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,plain\r\n", out.toString());
    }
}
