package com.shellguard.api;

import com.shellguard.access.AccessDenied;
import com.shellguard.common.ConflictException;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import com.shellguard.directory.DirectoryUnavailableException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every failure leaves the API as JSON {@code {"error": "..."}} with the right status; never a stack trace or HTML. */
final class ErrorMappers {

    private ErrorMappers() {
    }

    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(JsonViews.error(message)).build();
    }

    /** What a parser said was wrong: the cause's message when it has a cause, which names the problem. */
    private static String detail(Throwable e) {
        return (e.getCause() != null ? e.getCause() : e).getMessage();
    }

    @Provider
    public static class Validation implements ExceptionMapper<ValidationException> {
        @Override
        public Response toResponse(ValidationException e) {
            return error(400, e.getMessage());
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return error(404, e.getMessage());
        }
    }

    /** The directory could not answer a question a request needed (an unlock of a person only it knows). */
    @Provider
    public static class DirectoryUnavailable implements ExceptionMapper<DirectoryUnavailableException> {
        @Override
        public Response toResponse(DirectoryUnavailableException e) {
            return error(503, e.getMessage() + " (" + DirectoryUnavailableException.REASON + ")");
        }
    }

    /** An access request the caller may not decide (their own, or one they do not approve). */
    @Provider
    public static class AccessRefused implements ExceptionMapper<AccessDenied> {
        @Override
        public Response toResponse(AccessDenied e) {
            return error(403, e.getMessage());
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return error(409, e.getMessage());
        }
    }

    /** A body that is not JSON, or not the JSON kind expected (an array where an object goes). */
    @Provider
    public static class MalformedJson implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException e) {
            return error(400, "malformed JSON: " + e.getMessage());
        }
    }

    /** The same, when JSON-B rather than JSON-P was asked to read the body. */
    @Provider
    public static class UnbindableJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return error(400, "malformed JSON: " + detail(e));
        }
    }

    @Provider
    public static class Unreadable implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return error(400, "the request body cannot be read: " + detail(e));
        }
    }

    /** JAX-RS's own answers (404 for no such path, 405, 415 ...), in the API's JSON shape. */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 400 && e.getCause() != null) {
                return error(400, "the request body cannot be read: " + detail(e));
            }
            return error(status, e.getMessage());
        }
    }

    /**
     * Anything else. A unique constraint that fired anyway (two admins creating the same thing at once) is a
     * 409; the rest is a fault of ours, logged in full and reported without internals.
     */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());
        private static final String INTEGRITY_VIOLATION = "23";
        private static final int MAX_CAUSES = 20;

        @Override
        public Response toResponse(Throwable e) {
            if (violatesAConstraint(e)) {
                return error(409, "the change conflicts with existing data (made at the same moment by another request?)");
            }
            LOG.log(Level.SEVERE, "API request failed", e);
            return error(500, "internal error; the gateway log has the details");
        }

        private static boolean violatesAConstraint(Throwable e) {
            Throwable t = e;
            for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
                if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(INTEGRITY_VIOLATION)) {
                    return true;
                }
            }
            return false;
        }
    }
}
