package jp.systemgear.ec.catalog.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.systemgear.ec.catalog.domain.Supplier;

/** A new supplier as clients send it. */
public record SupplierRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,39}",
                message = "1-40 letters, digits, '_', '.' or '-', starting with a letter or digit") String code,
        @NotBlank @Size(max = 200) String name,
        Boolean active,
        @Min(0) @Max(10000) Integer priority,
        @Size(max = 200) String contactName,
        @Email @Size(max = 320) String contactEmail) {

    public Supplier toEntity() {
        Supplier supplier = new Supplier();
        supplier.code = code;
        supplier.name = name.strip();
        supplier.active = active == null || active;
        supplier.priority = priority == null ? 100 : priority;
        supplier.contactName = contactName;
        supplier.contactEmail = contactEmail;
        return supplier;
    }
}
