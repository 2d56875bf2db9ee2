package jp.systemgear.ec.catalog.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One immutable version of a supplier's mapping rules. Changing, restoring or clearing rules inserts
 * the next version; an import records the version it mapped with, so its result can be explained later.
 */
@Entity
@Immutable
@Table(name = "mapping_rule_set")
public class MappingRuleSet {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "supplier_id", nullable = false, updatable = false)
    public Long supplierId;

    @Column(nullable = false, updatable = false)
    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public RuleSetDocument rules;

    @Column(updatable = false)
    public String comment;

    @Column(name = "created_by", updatable = false)
    public String createdBy;

    @Column(name = "restored_from", updatable = false)
    public Integer restoredFrom;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @PrePersist
    void stamp() {
        createdAt = Instant.now();
    }
}
