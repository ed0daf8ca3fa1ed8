package com.shellguard.scim;

import com.shellguard.common.ConflictException;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import com.shellguard.provisioning.ImmutableAttributeException;
import com.shellguard.provisioning.ProvisioningRefusedException;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of {@code /scim/v2} as RFC 7644 section 3.12 gives it: {@code urn:ietf:params:scim:api:messages:2.0:Error}
 * with {@code status}, {@code scimType} where the RFC has one, and {@code detail}.
 */
public class ScimErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ScimErrors.class.getName());
    private static final int MAX_CAUSES = 20;

    static ErrorResponse error(int status, String scimType, String detail) {
        ErrorResponse error = new ErrorResponse(status);
        error.setScimType(scimType);
        error.setDetail(detail);
        return error;
    }

    static Response response(ErrorResponse error) {
        return Response.status(error.getStatus()).type(ScimResources.MEDIA_TYPE).entity(error).build();
    }

    static Response response(ScimException e) {
        return response(e.getScimError());
    }

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = thrown instanceof EJBException && thrown.getCause() != null ? thrown.getCause() : thrown;
        if (e instanceof ScimException scim) {
            return response(scim);
        }
        if (e instanceof ImmutableAttributeException) {
            return response(error(400, BadRequestException.MUTABILITY, e.getMessage()));
        }
        if (e instanceof ValidationException) {
            return response(error(400, BadRequestException.INVALID_VALUE, e.getMessage()));
        }
        if (e instanceof NotFoundException) {
            return response(error(404, null, e.getMessage()));
        }
        if (e instanceof ConflictException) {
            return response(error(409, BadRequestException.UNIQUENESS, e.getMessage()));
        }
        if (e instanceof ProvisioningRefusedException) {
            return response(error(403, null, e.getMessage()));
        }
        if (e instanceof WebApplicationException web) {
            if (web.getResponse().hasEntity()) {
                return web.getResponse();
            }
            int status = web.getResponse().getStatus();
            return response(error(status, status == 400 ? BadRequestException.INVALID_SYNTAX : null, web.getMessage()));
        }
        if (violatesAConstraint(e)) {
            return response(error(409, BadRequestException.UNIQUENESS, "the change conflicts with existing data (made at the same moment by another request?)"));
        }
        LOG.log(Level.SEVERE, "SCIM request failed", thrown);
        return response(error(500, null, "internal error; the gateway log has the details"));
    }

    private static boolean violatesAConstraint(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
