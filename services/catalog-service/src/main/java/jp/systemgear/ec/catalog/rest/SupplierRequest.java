package jp.systemgear.ec.catalog.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.systemgear.ec.catalog.domain.FileProfile;
import jp.systemgear.ec.catalog.domain.MissingItemsPolicy;
import jp.systemgear.ec.catalog.domain.SanityGuard;
import jp.systemgear.ec.catalog.domain.SourceSettings;
import jp.systemgear.ec.catalog.domain.Supplier;

/**
 * A supplier as clients send it (create, replace, or the result of a merge patch). The nested
 * settings are checked by {@code SupplierSettings}, which reports every problem with its path.
 * {@code version}: on replace, the version the client read (alternative to If-Match).
 */
public record SupplierRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,39}",
                message = "1-40 letters, digits, '_', '.' or '-', starting with a letter or digit") String code,
        @NotBlank @Size(max = 200) String name,
        Boolean active,
        @Min(0) @Max(10000) Integer priority,
        @Size(max = 200) String contactName,
        @Email @Size(max = 320) String contactEmail,
        FileProfile profile,
        SourceSettings source,
        @Size(max = 200) String scheduleCron,
        SanityGuard guard,
        MissingItemsPolicy missingItemsPolicy,
        Integer version) {

    public static SupplierRequest of(Supplier s) {
        return new SupplierRequest(s.code, s.name, s.active, s.priority, s.contactName, s.contactEmail, s.profile,
                s.source, s.scheduleCron, s.guard, s.missingItemsPolicy, s.version);
    }
}
