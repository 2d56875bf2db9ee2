package jp.systemgear.ec.export.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.export.domain.ChannelTemplate;
import jp.systemgear.ec.export.repository.ChannelTemplateRepository;

@ApplicationScoped
public class ChannelTemplateService {

    private final ChannelTemplateRepository templates;

    public ChannelTemplateService(ChannelTemplateRepository templates) {
        this.templates = templates;
    }

    @WithSession
    public Uni<List<ChannelTemplate>> list() {
        return templates.listAll(Sort.by("code"));
    }

    @WithSession
    public Uni<ChannelTemplate> get(String code) {
        return templates.findByCode(code)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Channel template", code));
    }

    @WithTransaction
    public Uni<ChannelTemplate> create(ChannelTemplate template) {
        return templates.persistAndFlush(template);
    }
}
