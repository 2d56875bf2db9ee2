package jp.systemgear.ec.importer.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import jp.systemgear.ec.common.security.Roles;
import jp.systemgear.ec.importer.domain.ImportRun;
import jp.systemgear.ec.importer.repository.RunDetailQueries;
import jp.systemgear.ec.importer.repository.StockDiffQuery;
import jp.systemgear.ec.importer.service.ErrorReportService;
import jp.systemgear.ec.importer.service.ImportRunService;
import jp.systemgear.ec.importer.service.RunDecisionService;
import jp.systemgear.ec.importer.service.RunEvents;
import jp.systemgear.ec.importer.source.QueuedRunFetcher;

@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Import runs")
public class ImportRunResource {

    private final ImportRunService runs;
    private final RunDecisionService decisions;
    private final RunDetailQueries details;
    private final ErrorReportService reports;
    private final RunEvents events;
    private final Vertx vertx;
    private final QueuedRunFetcher fetcher;

    public ImportRunResource(ImportRunService runs, RunDecisionService decisions, RunDetailQueries details,
            ErrorReportService reports, RunEvents events, Vertx vertx, QueuedRunFetcher fetcher) {
        this.vertx = vertx;
        this.fetcher = fetcher;
        this.runs = runs;
        this.decisions = decisions;
        this.details = details;
        this.reports = reports;
        this.events = events;
    }

    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    @Operation(summary = "Server-sent events, one a second: runs in progress (phase, rows read, rows per second, "
            + "errors) and runs finished in the last minute")
    public Multi<RunEvents.Snapshot> events() {
        return events.stream();
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Operation(summary = "Apply a run the sanity guard held, or a staged dry run (409 when it waits for nothing)")
    public Uni<ImportRunView> approve(@PathParam("id") long id, SecurityContext security) {
        return decisions.approve(id, security.getUserPrincipal().getName()).map(ImportRunView::of);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Operation(summary = "Reject a held run or discard a dry run: nothing is applied")
    public Uni<ImportRunView> reject(@PathParam("id") long id, SecurityContext security) {
        return decisions.reject(id, security.getUserPrincipal().getName()).map(ImportRunView::of);
    }

    @POST
    @Path("/{id}/rollback")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Operation(summary = "Undo a committed run through catalog (409 while a later run of the supplier stands)")
    public Uni<ImportRunView> rollback(@PathParam("id") long id, SecurityContext security) {
        return decisions.rollback(id, security.getUserPrincipal().getName()).map(ImportRunView::of);
    }

    @GET
    @Path("/{id}/rows")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    @Operation(summary = "The run's staged rows as read and mapped (raw values, SKU, cost, quantity), by line")
    public Uni<List<RunDetailQueries.StagedRow>> rows(@PathParam("id") long id,
            @QueryParam("after") @DefaultValue("0") long afterLine,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit) {
        return runs.get(id).chain(run -> details.staged(id, afterLine, limit));
    }

    @GET
    @Path("/{id}/errors")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    @Operation(summary = "The run's row errors (line, raw text, reason), by line")
    public Uni<List<RunDetailQueries.RowError>> errors(@PathParam("id") long id,
            @QueryParam("after") @DefaultValue("0") long afterLine,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return runs.get(id).chain(run -> details.errors(id, afterLine, limit));
    }

    @GET
    @Path("/{id}/diff")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    @Operation(summary = "The staged run against current stock, one kind at a time: NEW, CHANGED, UNCHANGED, "
            + "MISSING, ZEROED; keyset paged by SKU")
    public Uni<List<RunDetailQueries.DiffRow>> diff(@PathParam("id") long id,
            @QueryParam("kind") @DefaultValue("CHANGED") StockDiffQuery.Kind kind,
            @QueryParam("after") String afterSku,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return runs.get(id).chain(run -> details.diff(id, run.supplierCode, kind, afterSku, limit));
    }

    @GET
    @Path("/{id}/error-report")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    @Operation(summary = "The row errors as a file in the supplier's own format and encoding, with a reason column")
    public Uni<Response> errorReport(@PathParam("id") long id) {
        return runs.get(id).chain(run -> vertx.executeBlocking(Uni.createFrom().item(() -> reports.report(id,
                run.supplierCode, run.headers == null ? null : List.of(run.headers)))))
                .map(report -> Response.ok((StreamingOutput) out -> {
                    try {
                        report.body().writeTo(out);
                    } catch (java.sql.SQLException e) {
                        throw new java.io.IOException(e);
                    }
                }, report.mediaType()).header("Content-Disposition", "attachment; filename=\"" + report.fileName()
                        + "\"").build());
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    public Uni<List<ImportRunView>> search(@QueryParam("supplier") String supplier,
            @QueryParam("status") ImportRun.Status status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return runs.search(supplier, status, limit).map(list -> list.stream().map(ImportRunView::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    public Uni<ImportRunView> get(@PathParam("id") long id) {
        return runs.get(id).map(ImportRunView::of);
    }

    /**
     * Queues a run for a supplier; Kubernetes CronJobs call this with the {@code import:trigger} scope. The
     * run is then fetched from the supplier's source (drop folder, URL) and goes on like an upload, under
     * the same id; a supplier without one ends it failed (FILE_UPLOAD_ERROR, see the run's message).
     */
    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.SCOPE_IMPORT_TRIGGER })
    @Operation(summary = "Queue a run: fetched from the supplier's drop folder or URL, then processed (201)")
    public Uni<RestResponse<ImportRunView>> trigger(@Valid @NotNull TriggerRequest request, SecurityContext security) {
        return runs.request(request.supplierCode(), ImportRun.Source.trigger, request.idempotencyKey(),
                security.getUserPrincipal().getName())
                .invoke(run -> fetcher.wake())
                .map(run -> RestResponse.ResponseBuilder.<ImportRunView> created(URI.create("runs/" + run.id))
                        .entity(ImportRunView.of(run)).build());
    }
}
