package jp.systemgear.ec.importer.rest;

import java.time.Duration;
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

import jp.systemgear.ec.common.security.Roles;
import jp.systemgear.ec.importer.repository.RunSummaryQueries;

/** The dashboard's figures over all runs: each supplier's last committed import, and runs by hour. */
@Path("/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Import runs")
public class RunSummaryResource {

    private final RunSummaryQueries summary;

    public RunSummaryResource(RunSummaryQueries summary) {
        this.summary = summary;
    }

    @GET
    @Path("/last-committed")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    @Operation(summary = "Each supplier's newest committed run (freshness), however long ago")
    public Uni<List<RunSummaryQueries.LastCommitted>> lastCommitted() {
        return summary.lastCommitted();
    }

    @GET
    @Path("/hourly")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    @Operation(summary = "Runs created in the last hours, by hour (UTC) and status, with their staged and error rows")
    public Uni<List<RunSummaryQueries.HourStatus>> hourly(
            @QueryParam("hours") @DefaultValue("24") @Min(1) @Max(24 * 31) int hours) {
        return summary.hourly(Duration.ofHours(hours));
    }
}
