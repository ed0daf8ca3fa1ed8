package com.shellguard.api;

import com.shellguard.transfer.TransferAuditService;
import com.shellguard.transfer.TransferQuery;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Files uploaded and downloaded through SFTP and legacy scp, and the tree changes they made, newest first. */
@Path("audit/transfers")
@Produces(MediaType.APPLICATION_JSON)
public class TransfersResource {

    @Inject
    TransferAuditService audit;

    @GET
    public JsonArray list(@BeanParam AuditFilter filter, @QueryParam("server") String server,
                          @QueryParam("session") String session) {
        return JsonViews.list(audit.transfers(new TransferQuery(filter.query(null, null), server, session)), JsonViews::transfer);
    }
}
