package jp.systemgear.ec.auth.rest;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import jp.systemgear.ec.auth.service.LoginService;
import jp.systemgear.ec.auth.service.SigningKeys;

@Path("/")
@Tag(name = "Tokens")
public class TokenResource {

    private final LoginService login;
    private final SigningKeys keys;

    public TokenResource(LoginService login, SigningKeys keys) {
        this.login = login;
        this.keys = keys;
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<TokenResponse> login(@Valid @NotNull LoginRequest request, HttpServerRequest http) {
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        return login.login(request.username(), request.password(), address)
                .map(token -> new TokenResponse(token.token(), "Bearer", token.expiresIn().toSeconds()));
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
}
