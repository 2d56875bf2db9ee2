package jp.systemgear.ec.catalog.rest;

import java.time.Instant;

import jp.systemgear.ec.catalog.domain.Supplier;

public record SupplierView(String code, String name, boolean active, int priority, String contactName,
        String contactEmail, Instant createdAt, Instant updatedAt) {

    public static SupplierView of(Supplier s) {
        return new SupplierView(s.code, s.name, s.active, s.priority, s.contactName, s.contactEmail, s.createdAt,
                s.updatedAt);
    }
}
