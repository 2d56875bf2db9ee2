package jp.systemgear.ec.catalog.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.catalog.domain.Supplier;

@ApplicationScoped
public class SupplierRepository implements PanacheRepository<Supplier> {

    public Uni<Supplier> findByCode(String code) {
        return find("code", code).firstResult();
    }

    public Uni<List<Supplier>> listOrdered(Boolean active) {
        Sort order = Sort.by("priority").and("code");
        return active == null ? listAll(order) : list("active", order, active);
    }
}
