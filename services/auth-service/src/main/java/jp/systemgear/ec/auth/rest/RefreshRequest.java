package jp.systemgear.ec.auth.rest;

/** A refresh or logout: the refresh token in the body, or else in the {@code sg_refresh} cookie. */
public record RefreshRequest(String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[...]";
    }
}
