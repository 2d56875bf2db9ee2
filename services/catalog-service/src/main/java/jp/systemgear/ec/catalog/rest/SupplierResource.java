package jp.systemgear.ec.catalog.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.catalog.domain.Supplier;
import jp.systemgear.ec.catalog.service.SupplierService;
import jp.systemgear.ec.common.security.Roles;

@Path("/suppliers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Suppliers")
public class SupplierResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final SupplierService suppliers;

    public SupplierResource(SupplierService suppliers) {
        this.suppliers = suppliers;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER, Roles.SCOPE_CATALOG_IMPORT })
    public Uni<List<SupplierView>> list(@QueryParam("active") Boolean active) {
        return suppliers.list(active).map(list -> list.stream().map(SupplierView::of).toList());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER, Roles.SCOPE_CATALOG_IMPORT })
    @Operation(summary = "One supplier with its file profile, source, schedule and guard; ETag for If-Match")
    public Uni<RestResponse<SupplierView>> get(@PathParam("code") String code) {
        return suppliers.get(code).map(SupplierResource::tagged);
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    public Uni<RestResponse<SupplierView>> create(@Valid @NotNull SupplierRequest request) {
        return suppliers.create(request)
                .map(created -> RestResponse.ResponseBuilder.<SupplierView> created(URI.create("suppliers/" + created.code))
                        .entity(SupplierView.of(created)).header(HttpHeaders.ETAG, EntityTags.of(created.version))
                        .build());
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Operation(summary = "Replace a supplier; needs If-Match (412 when stale) or the version read (409 when stale)")
    public Uni<RestResponse<SupplierView>> replace(@PathParam("code") String code,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull SupplierRequest request) {
        return suppliers.replace(code, request, ifMatch).map(SupplierResource::tagged);
    }

    @PATCH
    @Path("/{code}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Operation(summary = "Change some fields (JSON merge patch); needs If-Match or the version read")
    public Uni<RestResponse<SupplierView>> patch(@PathParam("code") String code,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String mergePatch) {
        return suppliers.patch(code, mergePatch, ifMatch).map(SupplierResource::tagged);
    }

    private static RestResponse<SupplierView> tagged(Supplier supplier) {
        return RestResponse.ResponseBuilder.ok(SupplierView.of(supplier))
                .header(HttpHeaders.ETAG, EntityTags.of(supplier.version)).build();
    }
}
