package jp.systemgear.ec.auth.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;

import jp.systemgear.ec.auth.domain.AuditEvent;

@ApplicationScoped
public class AuditEventRepository implements PanacheRepository<AuditEvent> {
}
