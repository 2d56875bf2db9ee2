package jp.systemgear.ec.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.catalog.service.StockService;
import jp.systemgear.ec.common.security.Roles;

/** Current stock and unit cost per product and supplier. */
@Path("/stock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stock")
@RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
public class StockResource {

    private final StockService stock;

    public StockResource(StockService stock) {
        this.stock = stock;
    }

    @GET
    @Operation(summary = "Stock rows (product × supplier): quantity, unit cost, the run and time that last "
            + "changed them; same filters; keyset pages (after = next)")
    public Uni<Page<SupplierStockView>> stock(@QueryParam("sku") String sku, @QueryParam("jan") String jan,
            @QueryParam("q") String q, @QueryParam("supplier") String supplier,
            @QueryParam("changedSince") String changedSince, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return stock.stock(StockService.filter(sku, jan, q, supplier, changedSince), after, limit);
    }
}
