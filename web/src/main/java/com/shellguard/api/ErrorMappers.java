package com.shellguard.api;

import com.shellguard.common.ConflictException;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every failure leaves the API as JSON {@code {"error": "..."}} with the right status; never a stack trace or HTML. */
final class ErrorMappers {

    private ErrorMappers() {
    }

    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(JsonViews.error(message)).build();
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

    @Provider
    public static class Unreadable implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return error(400, "the request body cannot be read: " + cause.getMessage());
        }
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            Throwable cause = e.getCause();
            if (status == 400 && cause != null) {
                return error(400, "the request body cannot be read: " + cause.getMessage());
            }
            return error(status, e.getMessage());
        }
    }

    /** Anything else is a fault of ours: logged in full, reported without internals. */
    @Provider
    public static class Unexpected implements ExceptionMapper<EJBException> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(EJBException e) {
            LOG.log(Level.SEVERE, "API request failed", e);
            return error(500, "internal error; the gateway log has the details");
        }
    }
}
