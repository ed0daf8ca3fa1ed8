package com.shellguard.console.audit;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The audit search's rows as a CSV download, every page of them up to {@value #MAX_ROWS} rows. Under /console, so
 * only logged-in admins and auditors reach it; a GET that only reads, so it needs no CSRF token.
 */
@WebServlet("/console/audit.csv")
public class AuditExport extends HttpServlet {

    static final int MAX_ROWS = 100_000;
    private static final int BATCH = 1000;

    @Inject
    AuditReader reader;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditSearch search;
        try {
            search = AuditSearch.of(request::getParameter);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "malformed audit search: " + e.getMessage());
            return;
        }
        AuditKind kind = search.getKind();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"shellguard-" + kind.name().toLowerCase() + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CsvWriter csv = new CsvWriter(out);
        csv.row(kind.getColumns().stream().map(AuditColumn::header).toList());
        for (int offset = 0; offset < MAX_ROWS; offset += BATCH) {
            List<?> rows = reader.rows(search, BATCH, offset);
            for (Object row : rows) {
                csv.row(kind.getColumns().stream().map(c -> c.of(row)).toList());
            }
            if (rows.size() < BATCH) {
                break;
            }
        }
        out.flush();
    }
}
