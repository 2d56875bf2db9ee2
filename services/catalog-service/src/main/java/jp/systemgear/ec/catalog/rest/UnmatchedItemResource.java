package jp.systemgear.ec.catalog.rest;

import java.util.List;

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

import jp.systemgear.ec.catalog.repository.StockQueries;
import jp.systemgear.ec.catalog.service.StockService;
import jp.systemgear.ec.common.security.Roles;

/** Supplier codes of recent imports that no mapping rule matched, so operators can write rules for them. */
@Path("/suppliers/{code}/unmatched")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stock")
@RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
public class UnmatchedItemResource {

    private final StockService stock;

    public UnmatchedItemResource(StockService stock) {
        this.stock = stock;
    }

    @GET
    @Operation(summary = "Supplier codes of recent runs that no rule matched, with counts, most frequent first")
    public Uni<List<StockQueries.UnmatchedItem>> unmatched(@PathParam("code") String code,
            @QueryParam("days") @DefaultValue("30") int days, @QueryParam("limit") @DefaultValue("100") int limit) {
        return stock.unmatched(code, days, limit);
    }
}
