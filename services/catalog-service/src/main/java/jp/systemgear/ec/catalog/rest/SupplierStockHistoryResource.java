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

/** Stock history of one supplier, by import date (取込日). */
@Path("/suppliers/{code}/stock-history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stock")
@RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
public class SupplierStockHistoryResource {

    private final StockService stock;

    public SupplierStockHistoryResource(StockService stock) {
        this.stock = stock;
    }

    @GET
    @Operation(summary = "Stock changes from one supplier, newest first; optionally of one import date (取込日)")
    public Uni<Page<StockHistoryView>> supplierHistory(@PathParam("code") String code,
            @QueryParam("importDate") String importDate, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return stock.history(null, code, StockService.date("importDate", importDate), after, limit);
    }
}
