package jp.systemgear.ec.catalog.rest;

import java.time.Instant;

import jp.systemgear.ec.catalog.domain.FileProfile;
import jp.systemgear.ec.catalog.domain.MissingItemsPolicy;
import jp.systemgear.ec.catalog.domain.SanityGuard;
import jp.systemgear.ec.catalog.domain.SourceSettings;
import jp.systemgear.ec.catalog.domain.Supplier;

/** A supplier as the API shows it. The source names secrets by reference only; no secret is ever stored. */
public record SupplierView(String code, String name, boolean active, int priority, String contactName,
        String contactEmail, FileProfile profile, SourceSettings source, String scheduleCron, SanityGuard guard,
        MissingItemsPolicy missingItemsPolicy, int version, Instant createdAt, Instant updatedAt) {

    public static SupplierView of(Supplier s) {
        return new SupplierView(s.code, s.name, s.active, s.priority, s.contactName, s.contactEmail, s.profile,
                s.source, s.scheduleCron, s.guard, s.missingItemsPolicy, s.version, s.createdAt, s.updatedAt);
    }
}
