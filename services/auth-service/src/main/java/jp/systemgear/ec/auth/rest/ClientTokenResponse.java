package jp.systemgear.ec.auth.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** RFC 6749 token response for the client-credentials grant. */
public record ClientTokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        String scope) {
}
