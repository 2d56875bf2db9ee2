package jp.systemgear.ec.auth.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {

    /** Never print the password, even by accident in a log of the request. */
    @Override
    public String toString() {
        return "LoginRequest[username=" + username + "]";
    }
}
