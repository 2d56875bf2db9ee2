package jp.systemgear.ec.auth.rest;

import java.time.Instant;

import jp.systemgear.ec.auth.domain.AppUser;

public record UserView(String username, String displayName, String role, boolean enabled, Instant createdAt,
        Instant passwordChangedAt) {

    public static UserView of(AppUser u) {
        return new UserView(u.username, u.displayName, u.role, u.enabled, u.createdAt, u.passwordChangedAt);
    }
}
