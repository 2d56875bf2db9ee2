package jp.systemgear.ec.importer.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One import of one supplier file, whatever way it came in. */
@Entity
@Table(name = "import_run")
public class ImportRun {

    public enum Source {
        upload, drop_folder, url, trigger, schedule
    }

    public enum Status {
        queued, received, receiving, parsing, staged, held, applying, committed, failed, rejected, rolled_back;

        /** Over: nothing more happens to the run (a dropped file moves on, staged rows may go). */
        public static final java.util.Set<Status> ENDED = java.util.EnumSet.of(committed, failed, rejected, rolled_back);
        /** The same as an SQL list, for statements: ('committed', 'failed', ...). */
        public static final String ENDED_SQL = sql(ENDED);
        /** Not over yet: queued, being received or worked on, or waiting for a person. */
        public static final String OPEN_SQL = sql(java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(ENDED)));

        public boolean ended() {
            return ENDED.contains(this);
        }

        private static String sql(java.util.Set<Status> statuses) {
            return statuses.stream().map(s -> "'" + s.name() + "'")
                    .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
        }
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

    /** Stop after staging with the diff, for an operator to apply or discard. */
    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    /** A corrected error file: only its rows change; the missing-items policy does not apply. */
    @Column(nullable = false)
    public boolean partial;

    /** Catalog creates the products the staged rows name that do not exist yet, then applies the stock. */
    @Column(name = "create_products", nullable = false)
    public boolean createProducts;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "rows_unmatched", nullable = false)
    public int rowsUnmatched;

    @Column(name = "rows_excluded", nullable = false)
    public int rowsExcluded;

    @Column(name = "detected_encoding")
    public String detectedEncoding;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "headers")
    public String[] headers;

    /** Milliseconds per phase: parse (read, map and stage), guard, apply. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "phase_millis", nullable = false)
    public Map<String, Long> phaseMillis = new LinkedHashMap<>();

    /** Why the sanity guard held the run. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "guard_reasons")
    public String[] guardReasons;

    /** The dry-run diff against current stock: new, changed, unchanged, missing, zeroed, costJumps. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "diff")
    public Map<String, Long> diff;

    /** What catalog's apply (and undo) step reported. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "applied")
    public Map<String, Object> applied;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Where the file came from: the dropped file's name or the URL. */
    @Column(name = "source_ref")
    public String sourceRef;

    /**
     * Rows read per second of parsing: over the parse phase once it ended, live while parsing (from the
     * start to the last heartbeat); null when neither is known.
     */
    public static Long rowsPerSecond(long rowsTotal, Long parseMillis, boolean parsing, Instant startedAt,
            Instant heartbeatAt) {
        long millis;
        if (parseMillis != null) {
            millis = parseMillis;
        } else if (parsing && startedAt != null && heartbeatAt != null) {
            millis = java.time.Duration.between(startedAt, heartbeatAt).toMillis();
        } else {
            return null;
        }
        return millis <= 0 ? null : rowsTotal * 1000L / millis;
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
    }
}
