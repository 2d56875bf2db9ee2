package jp.systemgear.ec.catalog.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import jp.systemgear.ec.catalog.domain.Product;
import jp.systemgear.ec.catalog.service.ProductService;
import jp.systemgear.ec.common.security.Roles;

@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products")
public class ProductResource {

    private final ProductService products;

    public ProductResource(ProductService products) {
        this.products = products;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    @Operation(summary = "Search products: q (name or SKU contains, or JAN), sku, jan; keyset pages by SKU (after)")
    public Uni<Page<ProductView>> search(@QueryParam("q") String q, @QueryParam("sku") String sku,
            @QueryParam("jan") String jan, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return products.search(q, sku, jan, after, limit);
    }

    @GET
    @Path("/{sku}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    public Uni<RestResponse<ProductView>> get(@PathParam("sku") String sku) {
        return products.get(sku).map(ProductResource::tagged);
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    public Uni<RestResponse<ProductView>> create(@Valid @NotNull ProductRequest request) {
        return products.create(request)
                .map(p -> RestResponse.ResponseBuilder.<ProductView> created(URI.create("products/" + p.sku))
                        .entity(ProductView.of(p)).header(HttpHeaders.ETAG, EntityTags.of(p.version)).build());
    }

    @PUT
    @Path("/{sku}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Operation(summary = "Replace a product; needs If-Match (412 when stale) or the version read (409 when stale)")
    public Uni<RestResponse<ProductView>> replace(@PathParam("sku") String sku,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ProductRequest request) {
        return products.replace(sku, request, ifMatch).map(ProductResource::tagged);
    }

    @DELETE
    @Path("/{sku}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Operation(summary = "Delete a product without stock (409 while any supplier has stock rows for it)")
    public Uni<RestResponse<Void>> delete(@PathParam("sku") String sku,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return products.delete(sku, ifMatch).map(v -> RestResponse.noContent());
    }

    private static RestResponse<ProductView> tagged(Product p) {
        return RestResponse.ResponseBuilder.ok(ProductView.of(p)).header(HttpHeaders.ETAG, EntityTags.of(p.version))
                .build();
    }
}
