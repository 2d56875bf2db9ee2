package jp.systemgear.ec.importer.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A request to import a supplier's file now (from a CronJob, another system or an operator). */
public record TriggerRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,39}", message = "not a supplier code") String supplierCode,
        @Size(min = 8, max = 200) @Pattern(regexp = "[\\x21-\\x7e]+", message = "printable ASCII without spaces")
        String idempotencyKey) {
}
