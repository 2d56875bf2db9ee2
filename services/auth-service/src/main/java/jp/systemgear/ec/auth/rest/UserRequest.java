package jp.systemgear.ec.auth.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.systemgear.ec.auth.service.UserService;

public record UserRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]{2,63}",
                message = "3-64 letters, digits, '.', '_', '@' or '-'") String username,
        @Size(max = 200) String displayName,
        @NotNull @Pattern(regexp = "admin|operator|viewer", message = "one of admin, operator, viewer") String role,
        @NotNull @Size(min = 12, max = 72) String password) {

    public UserService.NewUser toNewUser() {
        return new UserService.NewUser(username, displayName, role, password);
    }

    @Override
    public String toString() {
        return "UserRequest[username=" + username + ", role=" + role + "]";
    }
}
