package jp.systemgear.ec.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.catalog.service.RunApplyService;
import jp.systemgear.ec.common.security.Roles;

/** Applying staged import runs to stock (called by import-service) and undoing them. */
@Path("/runs/{runId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Import runs")
public class RunResource {

    private final RunApplyService runs;
    private final SecurityIdentity identity;

    public RunResource(RunApplyService runs, SecurityIdentity identity) {
        this.runs = runs;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER, Roles.SCOPE_CATALOG_IMPORT })
    @Operation(summary = "The record of an applied run")
    public Uni<AppliedRunView> get(@PathParam("runId") long runId) {
        return runs.get(runId);
    }

    @POST
    @Path("/apply")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.SCOPE_CATALOG_IMPORT })
    @Operation(summary = "Apply the run's staged rows to stock and history in one transaction; applying it "
            + "again changes nothing (alreadyApplied: true)")
    public Uni<AppliedRunView> apply(@PathParam("runId") long runId,
            @Parameter(description = "A partial run (re-import of corrected error rows) never applies the "
                    + "missing-items policy: the rows it lacks are not missing") @QueryParam("partial") boolean partial,
            @Parameter(description = "First create the products the staged rows name that do not exist yet (SKU, "
                    + "the JAN and name of the SKU's last line with a name; rows with an invalid SKU or no name create "
                    + "none and stay unknown SKUs), in the same transaction; their count is productsCreated")
            @QueryParam("createProducts") boolean createProducts,
            @Parameter(description = "Who asked for the run (import-service passes the operator behind it)")
            @QueryParam("onBehalfOf") String onBehalfOf) {
        return runs.apply(runId, actor(onBehalfOf), partial, createProducts);
    }

    @POST
    @Path("/undo")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.SCOPE_CATALOG_IMPORT })
    @Operation(summary = "Restore every stock row the run changed (the supplier's latest applied run only)")
    public Uni<AppliedRunView> undo(@PathParam("runId") long runId,
            @QueryParam("onBehalfOf") String onBehalfOf) {
        return runs.undo(runId, actor(onBehalfOf));
    }

    /** A machine client may name the person behind the call; a person is always recorded as themselves. */
    private String actor(String onBehalfOf) {
        String caller = identity.getPrincipal().getName();
        if (onBehalfOf != null && !onBehalfOf.isBlank() && identity.hasRole(Roles.SCOPE_CATALOG_IMPORT)) {
            return onBehalfOf.strip() + " (via " + caller + ")";
        }
        return caller;
    }
}
