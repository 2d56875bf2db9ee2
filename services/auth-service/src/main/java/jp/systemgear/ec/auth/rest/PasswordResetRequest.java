package jp.systemgear.ec.auth.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record PasswordResetRequest(@NotNull @Size(min = 12, max = 72) String newPassword) {

    @Override
    public String toString() {
        return "PasswordResetRequest[...]";
    }
}
