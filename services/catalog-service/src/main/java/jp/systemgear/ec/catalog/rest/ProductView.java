package jp.systemgear.ec.catalog.rest;

import java.time.Instant;
import java.util.Map;

import jp.systemgear.ec.catalog.domain.Product;

public record ProductView(String sku, String jan, String name, Map<String, Object> attributes, int version,
        Instant createdAt, Instant updatedAt) {

    public static ProductView of(Product p) {
        return new ProductView(p.sku, p.jan, p.name, p.attributes, p.version, p.createdAt, p.updatedAt);
    }
}
