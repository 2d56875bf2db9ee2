package jp.systemgear.ec.auth.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.auth.domain.AuditEvent;

@ApplicationScoped
public class AuditEventRepository implements PanacheRepository<AuditEvent> {

    /** Newest first; {@code beforeId} continues a previous page (keyset paging, stable under inserts). */
    public Uni<List<AuditEvent>> search(String type, String subject, String actor, Long beforeId, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (type != null) {
            query.append(" and eventType = :type");
            params.put("type", type);
        }
        if (subject != null) {
            query.append(" and subject = :subject");
            params.put("subject", subject);
        }
        if (actor != null) {
            query.append(" and actor = :actor");
            params.put("actor", actor);
        }
        if (beforeId != null) {
            query.append(" and id < :before");
            params.put("before", beforeId);
        }
        return find(query.toString(), Sort.descending("id"), params).page(Page.ofSize(limit)).list();
    }
}
