package jp.systemgear.ec.catalog.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.catalog.domain.MappingRuleSet;

@ApplicationScoped
public class MappingRuleSetRepository implements PanacheRepository<MappingRuleSet> {

    public Uni<MappingRuleSet> latest(long supplierId) {
        return find("supplierId", Sort.descending("version"), supplierId).firstResult();
    }

    public Uni<MappingRuleSet> version(long supplierId, int version) {
        return find("supplierId = ?1 and version = ?2", supplierId, version).firstResult();
    }

    public Uni<List<MappingRuleSet>> all(long supplierId) {
        return list("supplierId", Sort.descending("version"), supplierId);
    }
}
