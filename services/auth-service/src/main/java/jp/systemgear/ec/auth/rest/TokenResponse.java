package jp.systemgear.ec.auth.rest;

/** OAuth 2-shaped answer to a login. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn) {
}
