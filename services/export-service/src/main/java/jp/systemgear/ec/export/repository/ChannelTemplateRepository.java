package jp.systemgear.ec.export.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.export.domain.ChannelTemplate;

@ApplicationScoped
public class ChannelTemplateRepository implements PanacheRepository<ChannelTemplate> {

    public Uni<ChannelTemplate> findByCode(String code) {
        return find("code", code).firstResult();
    }
}
