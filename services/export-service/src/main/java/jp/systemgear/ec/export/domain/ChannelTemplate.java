package jp.systemgear.ec.export.domain;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jp.systemgear.ec.common.domain.TimestampedEntity;

/** A named column layout for one sales channel's export file. */
@Entity
@Table(name = "channel_template")
public class ChannelTemplate extends TimestampedEntity {

    /** One output column: its header label and the field (or fixed value) that fills it. */
    public record Column(String header, String field, String value) {
    }

    /** The file layout, stored as one jsonb object (Hibernate Reactive maps objects, not bare arrays). */
    public record Layout(List<Column> columns) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @jakarta.persistence.Column(nullable = false, updatable = false)
    public String code;

    @jakarta.persistence.Column(nullable = false)
    public String name;

    @jakarta.persistence.Column(nullable = false)
    public String format = "csv";

    @jakarta.persistence.Column(nullable = false)
    public String encoding = "UTF-8";

    @jakarta.persistence.Column(name = "include_header", nullable = false)
    public boolean includeHeader = true;

    @JdbcTypeCode(SqlTypes.JSON)
    @jakarta.persistence.Column(nullable = false)
    public Layout layout;
}
