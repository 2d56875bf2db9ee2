package jp.systemgear.ec.auth.rest;

import jp.systemgear.ec.auth.service.LoginService;

/** Answer to a login or refresh: a bearer access token and the next refresh token. */
public record SessionResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {

    static SessionResponse of(LoginService.Session session) {
        return new SessionResponse(session.access().token(), "Bearer", session.access().expiresIn().toSeconds(),
                session.refreshToken());
    }
}
