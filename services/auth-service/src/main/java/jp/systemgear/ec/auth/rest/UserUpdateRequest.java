package jp.systemgear.ec.auth.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.systemgear.ec.auth.service.UserService;

/** Partial update: only the fields present change. */
public record UserUpdateRequest(
        @Size(max = 200) String displayName,
        @Pattern(regexp = "admin|operator|viewer", message = "one of admin, operator, viewer") String role,
        Boolean enabled) {

    public UserService.UserChange toChange() {
        return new UserService.UserChange(displayName, role, enabled);
    }
}
