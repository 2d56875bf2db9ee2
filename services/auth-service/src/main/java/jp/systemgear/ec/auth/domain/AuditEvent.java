package jp.systemgear.ec.auth.domain;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "audit_event")
public class AuditEvent {

    public static final String LOGIN_SUCCEEDED = "login.succeeded";
    public static final String LOGIN_FAILED = "login.failed";
    public static final String LOGIN_THROTTLED = "login.throttled";
    public static final String LOGOUT = "logout";
    public static final String REFRESH_REUSED = "refresh.reused";
    public static final String USER_CREATED = "user.created";
    public static final String USER_UPDATED = "user.updated";
    public static final String PASSWORD_RESET = "user.password_reset";
    public static final String PASSWORD_CHANGED = "user.password_changed";
    public static final String CLIENT_CREATED = "client.created";
    public static final String CLIENT_SECRET_ROTATED = "client.secret_rotated";
    public static final String CLIENT_REVOKED = "client.revoked";
    public static final String CLIENT_AUTH_FAILED = "client.auth_failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    @Column(updatable = false)
    public String actor;

    @Column(updatable = false)
    public String subject;

    @Column(name = "client_address", updatable = false)
    public String clientAddress;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public Map<String, Object> details = Map.of();

    @PrePersist
    void onCreate() {
        occurredAt = Instant.now();
    }
}
