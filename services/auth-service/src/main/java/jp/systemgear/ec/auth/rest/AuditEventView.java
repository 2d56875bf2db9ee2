package jp.systemgear.ec.auth.rest;

import java.time.Instant;
import java.util.Map;

import jp.systemgear.ec.auth.domain.AuditEvent;

public record AuditEventView(long id, Instant occurredAt, String type, String actor, String subject,
        String clientAddress, Map<String, Object> details) {

    public static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.id, e.occurredAt, e.eventType, e.actor, e.subject, e.clientAddress, e.details);
    }
}
