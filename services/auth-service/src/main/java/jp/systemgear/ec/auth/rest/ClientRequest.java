package jp.systemgear.ec.auth.rest;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record ClientRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}",
                message = "3-64 lower-case letters, digits, '.', '_' or '-'") String clientId,
        @NotBlank @Size(max = 200) String name,
        @NotEmpty Set<@Pattern(regexp = "import:trigger|export:read",
                message = "one of import:trigger, export:read") String> scopes) {
}
