package jp.systemgear.ec.auth.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.auth.domain.AuditEvent;
import jp.systemgear.ec.auth.repository.AuditEventRepository;

@ApplicationScoped
public class AuditService {

    private final AuditEventRepository events;

    public AuditService(AuditEventRepository events) {
        this.events = events;
    }

    @WithSession
    public Uni<List<AuditEvent>> search(String type, String subject, String actor, Long beforeId, int limit) {
        return events.search(type, subject, actor, beforeId, limit);
    }

    @WithTransaction
    public Uni<Void> record(String type, String actor, String subject, String clientAddress,
            Map<String, Object> details) {
        AuditEvent event = new AuditEvent();
        event.eventType = type;
        event.actor = actor;
        event.subject = subject;
        event.clientAddress = clientAddress;
        event.details = details == null ? Map.of() : details;
        return events.persist(event).replaceWithVoid();
    }
}
