package jp.systemgear.ec.catalog.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.catalog.domain.Supplier;
import jp.systemgear.ec.catalog.repository.SupplierRepository;
import jp.systemgear.ec.common.error.ApiException;

@ApplicationScoped
public class SupplierService {

    private final SupplierRepository suppliers;

    public SupplierService(SupplierRepository suppliers) {
        this.suppliers = suppliers;
    }

    @WithSession
    public Uni<List<Supplier>> list(Boolean active) {
        return suppliers.listOrdered(active);
    }

    @WithSession
    public Uni<Supplier> get(String code) {
        return suppliers.findByCode(code)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Supplier", code));
    }

    /** The unique constraint, not a prior read, decides duplicates: two concurrent creates cannot both win. */
    @WithTransaction
    public Uni<Supplier> create(Supplier supplier) {
        return suppliers.persistAndFlush(supplier);
    }
}
