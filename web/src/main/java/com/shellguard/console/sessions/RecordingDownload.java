package com.shellguard.console.sessions;

import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import com.shellguard.recording.RecordingSlice;
import com.shellguard.recording.SessionRecordings;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A session's recording for the console's players, as the REST API serves it ({@code GET
 * /sessions/{id}/recording}) but for the console's logged-in session instead of API credentials: the whole
 * asciicast for the replay, or with {@code from=N} the complete lines after byte N for the live view, which
 * polls from the {@code X-Recording-Next-Offset} it was given until {@code X-Session-Live} turns false.
 */
@WebServlet("/console/recording")
public class RecordingDownload extends HttpServlet {

    /** A live view's increment, as the REST API's. */
    private static final long LIVE_CHUNK = 4L * 1024 * 1024;

    @Inject
    SessionRecordings recordings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        String from = request.getParameter("from");
        RecordingSlice slice;
        try {
            slice = from == null ? recordings.whole(id == null ? "" : id)
                    : recordings.from(id == null ? "" : id, Long.parseLong(from), LIVE_CHUNK);
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
            return;
        } catch (ValidationException | NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "from must be a byte offset of 0 or more");
            return;
        }
        response.setContentType("application/x-asciicast; charset=utf-8");
        response.setContentLengthLong(slice.length());
        response.setHeader("X-Recording-Next-Offset", String.valueOf(slice.to()));
        response.setHeader("X-Session-Live", String.valueOf(slice.live()));
        response.setHeader("Cache-Control", "no-store");
        slice.transferTo(response.getOutputStream());
    }
}
