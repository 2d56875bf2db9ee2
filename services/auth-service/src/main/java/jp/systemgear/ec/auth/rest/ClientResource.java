package jp.systemgear.ec.auth.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.auth.service.ClientService;
import jp.systemgear.ec.common.security.Roles;

/** Service clients for machines; admins only. A secret is shown once, when created or rotated. */
@Path("/clients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Service clients")
public class ClientResource {

    private final ClientService clients;

    public ClientResource(ClientService clients) {
        this.clients = clients;
    }

    @GET
    public Uni<List<ClientView>> list() {
        return clients.list().map(list -> list.stream().map(ClientView::of).toList());
    }

    @GET
    @Path("/{clientId}")
    public Uni<ClientView> get(@PathParam("clientId") String clientId) {
        return clients.get(clientId).map(ClientView::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ClientView>> create(@Valid @NotNull ClientRequest request, SecurityContext security) {
        return clients.create(request.clientId(), request.name(), request.scopes(),
                security.getUserPrincipal().getName())
                .map(created -> RestResponse.ResponseBuilder
                        .<ClientView> created(URI.create("clients/" + created.client().clientId))
                        .entity(ClientView.withSecret(created.client(), created.secret()))
                        .header("Cache-Control", "no-store")
                        .build());
    }

    @POST
    @Path("/{clientId}/secret")
    public Uni<RestResponse<ClientView>> rotateSecret(@PathParam("clientId") String clientId,
            SecurityContext security) {
        return clients.rotateSecret(clientId, security.getUserPrincipal().getName())
                .map(rotated -> RestResponse.ResponseBuilder
                        .ok(ClientView.withSecret(rotated.client(), rotated.secret()))
                        .header("Cache-Control", "no-store")
                        .build());
    }

    @DELETE
    @Path("/{clientId}")
    public Uni<RestResponse<Void>> revoke(@PathParam("clientId") String clientId, SecurityContext security) {
        return clients.revoke(clientId, security.getUserPrincipal().getName()).map(nothing -> RestResponse.noContent());
    }
}
