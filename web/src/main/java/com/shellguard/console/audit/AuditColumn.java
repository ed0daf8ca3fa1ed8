package com.shellguard.console.audit;

import java.util.function.Function;

/** One column of an audit listing: its header and how a row shows in it (as text, for the table and the CSV alike). */
public record AuditColumn(String header, Function<Object, String> value) {

    public String of(Object row) {
        String text = value.apply(row);
        return text == null ? "" : text;
    }
}
