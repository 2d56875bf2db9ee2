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

    /**
     * Rounding of money columns (端数処理) to a unit of 1, 10 or 100 yen: {@code floor} (切り捨て),
     * {@code ceiling} (切り上げ) or {@code half-up} (四捨五入).
     */
    public record Rounding(String mode, Integer unit) {
    }

    /**
     * The file layout, stored as one jsonb object (Hibernate Reactive maps objects, not bare arrays).
     * {@code level}: product (default) or supplier rows; {@code skuPrefix}/{@code skuSuffix}: the
     * channel's product number (商品番号) is our SKU with these around it; {@code rounding}: for money.
     * Fields were added after the first version: absent ones mean "none".
     */
    public record Layout(List<Column> columns, String level, String skuPrefix, String skuSuffix, Rounding rounding) {
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

    /** Unix cron (5 fields) for scheduled export files; null: on demand only. */
    @jakarta.persistence.Column(name = "schedule_cron")
    public String scheduleCron;

    @JdbcTypeCode(SqlTypes.JSON)
    @jakarta.persistence.Column(nullable = false)
    public Layout layout;
}
