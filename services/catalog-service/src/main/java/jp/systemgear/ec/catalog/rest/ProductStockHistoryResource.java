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

/** Stock history of one product. */
@Path("/products/{sku}/stock-history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stock")
@RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
public class ProductStockHistoryResource {

    private final StockService stock;

    public ProductStockHistoryResource(StockService stock) {
        this.stock = stock;
    }

    @GET
    @Operation(summary = "Every change of this product's stock, newest first; optionally of one supplier")
    public Uni<Page<StockHistoryView>> productHistory(@PathParam("sku") String sku,
            @QueryParam("supplier") String supplier, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return stock.history(sku, supplier, null, after, limit);
    }
}
