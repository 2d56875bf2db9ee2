package jp.systemgear.ec.auth.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import jp.systemgear.ec.auth.config.AuthConfig;
import jp.systemgear.ec.auth.service.ClientService;
import jp.systemgear.ec.auth.service.LoginService;
import jp.systemgear.ec.auth.service.SigningKeys;
import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;

@Path("/")
@Tag(name = "Tokens")
public class TokenResource {

    /** The SPA keeps its refresh token in this HttpOnly cookie, out of reach of scripts. */
    static final String REFRESH_COOKIE = "sg_refresh";

    private final LoginService login;
    private final ClientService clients;
    private final SigningKeys keys;
    private final AuthConfig config;
    private final ObjectMapper json;

    public TokenResource(LoginService login, ClientService clients, SigningKeys keys, AuthConfig config,
            ObjectMapper json) {
        this.login = login;
        this.clients = clients;
        this.keys = keys;
        this.config = config;
        this.json = json;
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in with user name and password; returns an access token and a refresh token")
    public Uni<RestResponse<SessionResponse>> login(@Valid @NotNull LoginRequest request, HttpServerRequest http) {
        return login.login(request.username(), request.password(), ClientAddress.of(http)).map(this::withCookie);
    }

    @POST
    @Path("refresh")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange a refresh token (body or cookie) for new tokens; each refresh token works once")
    @Consumes(MediaType.WILDCARD)
    public Uni<RestResponse<SessionResponse>> refresh(String body, @RestCookie(REFRESH_COOKIE) String cookie,
            HttpServerRequest http) throws IOException {
        return login.refresh(presented(body, cookie), ClientAddress.of(http)).map(this::withCookie);
    }

    @POST
    @Path("logout")
    @PermitAll
    @Operation(summary = "End the session: the refresh token's whole family is revoked")
    @Consumes(MediaType.WILDCARD)
    public Uni<RestResponse<Void>> logout(String body, @RestCookie(REFRESH_COOKIE) String cookie,
            HttpServerRequest http) throws IOException {
        return login.logout(presented(body, cookie), null, ClientAddress.of(http))
                .map(nothing -> RestResponse.ResponseBuilder.<Void> noContent().cookie(refreshCookie("", 0)).build());
    }

    @POST
    @Path("token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OAuth 2 client-credentials grant for machine clients (form or HTTP Basic credentials)")
    public Uni<ClientTokenResponse> token(@RestForm("grant_type") String grantType,
            @RestForm("client_id") String clientId, @RestForm("client_secret") String clientSecret,
            @RestForm("scope") String scope, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            HttpServerRequest http) {
        if (!"client_credentials".equals(grantType)) {
            throw ApiException.validation("grant_type", "must be client_credentials");
        }
        String[] basic = basicCredentials(authorization);
        String id = basic != null ? basic[0] : clientId;
        String secret = basic != null ? basic[1] : clientSecret;
        if (id == null || secret == null) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "Client credentials are required");
        }
        Set<String> scopes = scope == null || scope.isBlank() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
        return clients.authenticate(id, secret, scopes, ClientAddress.of(http))
                .map(grant -> new ClientTokenResponse(grant.token().token(), "Bearer",
                        grant.token().expiresIn().toSeconds(), String.join(" ", grant.scopes())));
    }

    /** Public keys for verifying access tokens; services cache them and refetch on an unknown kid. */
    @GET
    @Path("jwks")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<Map<String, Object>> jwks() {
        return RestResponse.ResponseBuilder.ok(keys.jwks())
                .header("Cache-Control", "public, max-age=300")
                .build();
    }

    private RestResponse<SessionResponse> withCookie(LoginService.Session session) {
        return RestResponse.ResponseBuilder.ok(SessionResponse.of(session))
                .cookie(refreshCookie(session.refreshToken(), (int) config.refreshTokenTtl().toSeconds()))
                .header("Cache-Control", "no-store")
                .build();
    }

    private static NewCookie refreshCookie(String value, int maxAge) {
        return new NewCookie.Builder(REFRESH_COOKIE).value(value).path("/api/auth").maxAge(maxAge)
                .httpOnly(true).secure(true).sameSite(NewCookie.SameSite.STRICT).build();
    }

    /**
     * The SPA posts nothing and relies on its cookie; machines post JSON. The body is read as text so
     * a request without a Content-Type is accepted too.
     */
    private String presented(String body, String cookie) throws IOException {
        if (body != null && !body.isBlank()) {
            RefreshRequest request = json.readValue(body, RefreshRequest.class);
            if (request != null && request.refreshToken() != null) {
                return request.refreshToken();
            }
        }
        return cookie;
    }

    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "Malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
    }
}
