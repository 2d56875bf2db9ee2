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
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.common.security.Roles;
import jp.systemgear.ec.importer.domain.ImportRun;
import jp.systemgear.ec.importer.service.ImportRunService;

@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Import runs")
public class ImportRunResource {

    private final ImportRunService runs;

    public ImportRunResource(ImportRunService runs) {
        this.runs = runs;
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

    /** Queues a run for a supplier; Kubernetes CronJobs call this with the {@code import:trigger} scope. */
    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.SCOPE_IMPORT_TRIGGER })
    public Uni<RestResponse<ImportRunView>> trigger(@Valid @NotNull TriggerRequest request, SecurityContext security) {
        return runs.request(request.supplierCode(), ImportRun.Source.trigger, request.idempotencyKey(),
                security.getUserPrincipal().getName())
                .map(run -> RestResponse.ResponseBuilder.<ImportRunView> created(URI.create("runs/" + run.id))
                        .entity(ImportRunView.of(run)).build());
    }
}
