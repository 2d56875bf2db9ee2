package jp.systemgear.ec.auth.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.auth.service.AuditService;
import jp.systemgear.ec.common.security.Roles;

@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Audit")
public class AuditResource {

    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Auth events, newest first; pass the last id seen as 'before' for the next page")
    public Uni<List<AuditEventView>> search(@QueryParam("type") String type, @QueryParam("subject") String subject,
            @QueryParam("actor") String actor, @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return audit.search(type, subject, actor, before, limit)
                .map(events -> events.stream().map(AuditEventView::of).toList());
    }
}
