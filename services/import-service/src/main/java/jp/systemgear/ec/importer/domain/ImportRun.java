package jp.systemgear.ec.importer.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

/** One import of one supplier file, whatever way it came in. */
@Entity
@Table(name = "import_run")
public class ImportRun {

    public enum Source {
        upload, drop_folder, url, trigger, schedule
    }

    public enum Status {
        queued, received, receiving, parsing, staged, held, applying, committed, failed, rejected, rolled_back
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "supplier_code", nullable = false, updatable = false)
    public String supplierCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Source source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.queued;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Column(name = "requested_by", updatable = false)
    public String requestedBy;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "file_sha256")
    public String fileSha256;

    @Column(name = "file_size")
    public Long fileSize;

    @Column(name = "rule_version")
    public Integer ruleVersion;

    @Column(name = "rows_total", nullable = false)
    public int rowsTotal;

    @Column(name = "rows_staged", nullable = false)
    public int rowsStaged;

    @Column(name = "rows_error", nullable = false)
    public int rowsError;

    @Column(name = "error_code")
    public String errorCode;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
    }
}
