package jp.systemgear.ec.catalog.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.rules.Jan;
import jp.systemgear.ec.catalog.domain.Product;
import jp.systemgear.ec.catalog.repository.ProductQueries;
import jp.systemgear.ec.catalog.repository.ProductRepository;
import jp.systemgear.ec.catalog.rest.EntityTags;
import jp.systemgear.ec.catalog.rest.Page;
import jp.systemgear.ec.catalog.rest.ProductRequest;
import jp.systemgear.ec.catalog.rest.ProductView;
import jp.systemgear.ec.common.error.ApiException;

@ApplicationScoped
public class ProductService {

    public static final int MAX_PAGE = 500;

    private final ProductRepository products;
    private final ProductQueries queries;
    private final HotCache cache;

    public ProductService(ProductRepository products, ProductQueries queries, HotCache cache) {
        this.products = products;
        this.queries = queries;
        this.cache = cache;
    }

    @WithSession
    public Uni<Product> get(String sku) {
        return find(sku);
    }

    public Uni<Page<ProductView>> search(String q, String sku, String jan, String after, int limit) {
        int size = pageSize(limit);
        return queries.search(q, sku, jan, after, size + 1).map(rows -> Page.of(rows, size, ProductView::sku));
    }

    static int pageSize(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.validation("limit", "must be between 1 and " + MAX_PAGE);
        }
        return limit;
    }

    @WithTransaction
    public Uni<Product> create(ProductRequest request) {
        Product product = new Product();
        product.sku = request.sku();
        apply(request, product);
        return products.persistAndFlush(product).call(p -> productsChanged());
    }

    @WithTransaction
    public Uni<Product> replace(String sku, ProductRequest request, String ifMatch) {
        if (!sku.equals(request.sku())) {
            throw ApiException.validation("sku", "cannot change; it is '" + sku + "'");
        }
        return find(sku)
                .invoke(product -> {
                    if (ifMatch == null && request.version() == null) {
                        throw ApiException.validation("version", "send If-Match with the ETag you read, or the version");
                    }
                    Versions.check("Product " + sku, product.version, EntityTags.ifMatch(ifMatch), request.version());
                    apply(request, product);
                })
                .call(product -> products.flush())
                .call(product -> productsChanged())
                .onFailure().transform(f -> Versions.lostRace(f, "Product " + sku));
    }

    /** A product that has stock cannot go: the stock rows refer to it (409). */
    @WithTransaction
    public Uni<Void> delete(String sku, String ifMatch) {
        return find(sku)
                .invoke(product -> Versions.check("Product " + sku, product.version, EntityTags.ifMatch(ifMatch), null))
                .call(products::delete)
                .call(product -> products.flush())
                .call(product -> productsChanged())
                .replaceWithVoid();
    }

    private Uni<Product> find(String sku) {
        return products.findBySku(sku).onItem().ifNull().failWith(() -> ApiException.notFound("Product", sku));
    }

    /** JANs feed compiled rules (JAN rules) and names feed availability answers. */
    private Uni<Void> productsChanged() {
        return cache.invalidate(HotCache.RULES).chain(() -> cache.invalidate(HotCache.AVAILABILITY));
    }

    private static void apply(ProductRequest request, Product product) {
        String jan = request.jan() == null || request.jan().isBlank() ? null : request.jan().strip();
        if (jan != null) {
            String problem = Jan.problem(jan);
            if (problem != null) {
                throw ApiException.validation("jan", problem);
            }
        }
        product.jan = jan;
        product.name = request.name().strip();
        product.attributes = request.attributes() == null ? Map.of() : request.attributes();
    }

}
