package jp.systemgear.ec.catalog.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.catalog.domain.Product;

@ApplicationScoped
public class ProductRepository implements PanacheRepository<Product> {

    public Uni<Product> findBySku(String sku) {
        return find("sku", sku).firstResult();
    }
}
