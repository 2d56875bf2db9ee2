package jp.systemgear.ec.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jp.systemgear.ec.common.domain.TimestampedEntity;

/** A supplier (仕入先) that sends stock and unit-cost files, and how to read and fetch them. */
@Entity
@Table(name = "supplier")
public class Supplier extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public boolean active = true;

    @Column(nullable = false)
    public int priority = 100;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_email")
    public String contactEmail;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "file_profile", nullable = false)
    public FileProfile profile;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "source", nullable = false)
    public SourceSettings source;

    @Column(name = "schedule_cron")
    public String scheduleCron;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "guard", nullable = false)
    public SanityGuard guard;

    @Enumerated(EnumType.STRING)
    @Column(name = "missing_items_policy", nullable = false)
    public MissingItemsPolicy missingItemsPolicy = MissingItemsPolicy.KEEP;

    /** Optimistic concurrency: the ETag clients send back in If-Match. */
    @Version
    @Column(nullable = false)
    public int version;
}
