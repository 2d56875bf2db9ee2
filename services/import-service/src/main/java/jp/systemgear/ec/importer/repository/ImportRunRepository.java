package jp.systemgear.ec.importer.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.importer.domain.ImportRun;

@ApplicationScoped
public class ImportRunRepository implements PanacheRepository<ImportRun> {

    /** Newest first, optionally for one supplier and one status. */
    public Uni<List<ImportRun>> search(String supplierCode, ImportRun.Status status, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (supplierCode != null) {
            query.append(" and supplierCode = :supplier");
            params.put("supplier", supplierCode);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        return find(query.toString(), Sort.descending("createdAt").and("id", Sort.Direction.Descending), params)
                .page(Page.ofSize(limit))
                .list();
    }
}
