package jp.systemgear.ec.auth.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.auth.service.UserService;
import jp.systemgear.ec.common.security.Roles;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserResource {

    private final UserService users;

    public UserResource(UserService users) {
        this.users = users;
    }

    @GET
    @Path("me")
    @Authenticated
    public Uni<UserView> me(SecurityContext security) {
        return users.get(security.getUserPrincipal().getName()).map(UserView::of);
    }

    @POST
    @Path("me/password")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Void>> changeOwnPassword(@Valid @NotNull PasswordChangeRequest request,
            SecurityContext security) {
        return users.changeOwnPassword(security.getUserPrincipal().getName(), request.currentPassword(),
                request.newPassword()).map(user -> RestResponse.noContent());
    }

    @GET
    @Path("users")
    @RolesAllowed(Roles.ADMIN)
    public Uni<List<UserView>> list() {
        return users.list().map(list -> list.stream().map(UserView::of).toList());
    }

    @GET
    @Path("users/{username}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<UserView> get(@PathParam("username") String username) {
        return users.get(username).map(UserView::of);
    }

    @POST
    @Path("users")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<UserView>> create(@Valid @NotNull UserRequest request, SecurityContext security) {
        return users.create(request.toNewUser(), security.getUserPrincipal().getName())
                .map(user -> RestResponse.ResponseBuilder.<UserView> created(URI.create("users/" + user.username))
                        .entity(UserView.of(user)).build());
    }

    @PATCH
    @Path("users/{username}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<UserView> update(@PathParam("username") String username, @Valid @NotNull UserUpdateRequest request,
            SecurityContext security) {
        return users.update(username, request.toChange(), security.getUserPrincipal().getName()).map(UserView::of);
    }

    @POST
    @Path("users/{username}/password")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Void>> resetPassword(@PathParam("username") String username,
            @Valid @NotNull PasswordResetRequest request, SecurityContext security) {
        return users.resetPassword(username, request.newPassword(), security.getUserPrincipal().getName())
                .map(user -> RestResponse.noContent());
    }
}
