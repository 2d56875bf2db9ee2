package jp.systemgear.ec.catalog.repository;

import java.time.Instant;

/** Filters of the stock and availability queries; null members do not filter. */
public record StockFilter(String sku, String jan, String q, String supplier, Instant changedSince) {
}
