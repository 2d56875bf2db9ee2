package jp.systemgear.ec.auth.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.systemgear.ec.auth.domain.ServiceClient;

/** A client as admins see it; {@code clientSecret} is present only when it was just created or rotated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientView(String clientId, String name, List<String> scopes, boolean enabled, Instant createdAt,
        Instant secretRotatedAt, Instant lastUsedAt, String clientSecret) {

    public static ClientView of(ServiceClient c) {
        return withSecret(c, null);
    }

    public static ClientView withSecret(ServiceClient c, String secret) {
        return new ClientView(c.clientId, c.name, List.of(c.scopes), c.enabled, c.createdAt, c.secretRotatedAt,
                c.lastUsedAt, secret);
    }
}
