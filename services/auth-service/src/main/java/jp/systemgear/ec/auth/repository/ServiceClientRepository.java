package jp.systemgear.ec.auth.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.auth.domain.ServiceClient;

@ApplicationScoped
public class ServiceClientRepository implements PanacheRepository<ServiceClient> {

    public Uni<ServiceClient> findByClientId(String clientId) {
        return find("clientId", clientId).firstResult();
    }

    public Uni<List<ServiceClient>> listOrdered() {
        return listAll(Sort.by("clientId"));
    }
}
