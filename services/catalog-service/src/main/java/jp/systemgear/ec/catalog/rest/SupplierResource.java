package jp.systemgear.ec.catalog.rest;

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
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.catalog.service.SupplierService;
import jp.systemgear.ec.common.security.Roles;

@Path("/suppliers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Suppliers")
public class SupplierResource {

    private final SupplierService suppliers;

    public SupplierResource(SupplierService suppliers) {
        this.suppliers = suppliers;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    public Uni<List<SupplierView>> list(@QueryParam("active") Boolean active) {
        return suppliers.list(active).map(list -> list.stream().map(SupplierView::of).toList());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    public Uni<SupplierView> get(@PathParam("code") String code) {
        return suppliers.get(code).map(SupplierView::of);
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    public Uni<RestResponse<SupplierView>> create(@Valid @NotNull SupplierRequest request) {
        return suppliers.create(request.toEntity())
                .map(created -> RestResponse.ResponseBuilder.<SupplierView> created(URI.create("suppliers/" + created.code))
                        .entity(SupplierView.of(created)).build());
    }
}
