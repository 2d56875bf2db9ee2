package jp.systemgear.ec.auth.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.auth.domain.AppUser;

@ApplicationScoped
public class AppUserRepository implements PanacheRepository<AppUser> {

    public Uni<AppUser> findByUsername(String username) {
        return find("lower(username) = lower(?1)", username).firstResult();
    }

    public Uni<List<AppUser>> listOrdered() {
        return listAll(Sort.by("username"));
    }

    public Uni<Long> countByRole(String role) {
        return count("role", role);
    }
}
