package jp.systemgear.ec.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    @Operation(summary = "The record of an applied run")
    public Uni<AppliedRunView> get(@PathParam("runId") long runId) {
        return runs.get(runId);
    }

    @POST
    @Path("/apply")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Operation(summary = "Apply the run's staged rows to stock and history in one transaction; applying it "
            + "again changes nothing (alreadyApplied: true)")
    public Uni<AppliedRunView> apply(@PathParam("runId") long runId) {
        return runs.apply(runId, identity.getPrincipal().getName());
    }

    @POST
    @Path("/undo")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Operation(summary = "Restore every stock row the run changed (the supplier's latest applied run only)")
    public Uni<AppliedRunView> undo(@PathParam("runId") long runId) {
        return runs.undo(runId, identity.getPrincipal().getName());
    }
}
