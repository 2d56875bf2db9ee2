package jp.systemgear.ec.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.catalog.service.StockService;
import jp.systemgear.ec.common.security.Roles;

/** Aggregated availability per product (sum over active suppliers, best cost, breakdown). */
@Path("/availability")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stock")
@RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
public class AvailabilityResource {

    private final StockService stock;

    public AvailabilityResource(StockService stock) {
        this.stock = stock;
    }

    @GET
    @Path("/{sku}")
    @Operation(summary = "What the shop can sell of one product: total over active suppliers, best cost and "
            + "from whom, per-supplier breakdown (cached; ends on apply/undo)")
    public Uni<String> availability(@PathParam("sku") String sku) {
        return stock.availabilityJson(sku);
    }

    @GET
    @Operation(summary = "Availability of products with stock; filters sku, jan, q (name/SKU), supplier, "
            + "changedSince; keyset pages by SKU (after)")
    public Uni<Page<AvailabilityView>> availabilityPage(@QueryParam("sku") String sku, @QueryParam("jan") String jan,
            @QueryParam("q") String q, @QueryParam("supplier") String supplier,
            @QueryParam("changedSince") String changedSince, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return stock.availability(StockService.filter(sku, jan, q, supplier, changedSince), after, limit);
    }
}
