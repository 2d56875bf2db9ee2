package jp.systemgear.ec.auth.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
}
