package jp.systemgear.ec.export.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.security.Roles;
import jp.systemgear.ec.export.domain.ExportFormat;
import jp.systemgear.ec.export.service.ExportJobService;

@Path("/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Export jobs")
public class ExportJobResource {

    static final int MAX_LIST = 500;

    private final ExportJobService jobs;

    public ExportJobResource(ExportJobService jobs) {
        this.jobs = jobs;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Operation(summary = "Write an export file to EXPORT_DIR now; 202 with the job, poll it for the outcome")
    public Uni<RestResponse<ExportJobView>> submit(@Valid @NotNull ExportJobRequest request, @Context SecurityContext security) {
        var params = new ExportJobService.JobParams(request.template(), request.level(), request.format(),
                request.encoding(), request.header() == null ? null : request.header().toString(), request.supplier(),
                request.sku(), request.inStock() == null ? null : request.inStock().toString());
        return jobs.submit(params, StockExportResource.client(security))
                .map(job -> RestResponse.ResponseBuilder.<ExportJobView> accepted()
                        .location(URI.create("jobs/" + job.id())).entity(ExportJobView.of(job)).build());
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    @Operation(summary = "Export job history, newest first")
    public Uni<List<ExportJobView>> list(@QueryParam("template") String template, @QueryParam("limit") Integer limit) {
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > MAX_LIST) {
            throw ApiException.validation("limit", "must be between 1 and " + MAX_LIST);
        }
        return jobs.list(template, n).map(list -> list.stream().map(ExportJobView::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    public Uni<ExportJobView> get(@PathParam("id") long id) {
        return jobs.find(id).map(ExportJobView::of);
    }

    @GET
    @Path("/{id}/file")
    // Octet-stream at build time so the file writer is chosen (not Jackson); the real type is set below.
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    @Operation(summary = "The job's file, byte for byte as written (its SHA-256 is the ETag)")
    public Uni<RestResponse<java.nio.file.Path>> file(@PathParam("id") long id) {
        return jobs.find(id).map(job -> {
            var file = jobs.file(job);
            ExportFormat format = ExportFormat.byName(job.format()).orElse(ExportFormat.CSV);
            String type = format.mediaType + (format.delimited || format == ExportFormat.JSON
                    ? "; charset=" + job.encoding() : "");
            return RestResponse.ResponseBuilder.ok(file, type)
                    .header("Content-Disposition", "attachment; filename=\"" + job.fileName() + "\"")
                    .header("ETag", "\"" + job.sha256() + "\"")
                    // Sent as stored (zero-copy), never re-encoded: the ETag and sha256 are of exactly these bytes.
                    .header("Content-Encoding", "identity")
                    .build();
        });
    }
}
