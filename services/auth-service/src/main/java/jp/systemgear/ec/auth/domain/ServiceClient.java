package jp.systemgear.ec.auth.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jp.systemgear.ec.common.domain.TimestampedEntity;

/** A machine client of the client-credentials grant; its secret is kept only as a hash. */
@Entity
@Table(name = "service_client")
public class ServiceClient extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "client_id", nullable = false, updatable = false)
    public String clientId;

    @Column(nullable = false)
    public String name;

    @Column(name = "secret_hash", nullable = false)
    public byte[] secretHash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] scopes;

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "secret_rotated_at", nullable = false)
    public Instant secretRotatedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
