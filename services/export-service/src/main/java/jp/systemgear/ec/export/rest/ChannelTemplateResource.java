package jp.systemgear.ec.export.rest;

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

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.common.security.Roles;
import jp.systemgear.ec.export.service.ChannelTemplateService;

@Path("/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Channel templates")
public class ChannelTemplateResource {

    private final ChannelTemplateService templates;

    public ChannelTemplateResource(ChannelTemplateService templates) {
        this.templates = templates;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    public Uni<List<ChannelTemplateView>> list() {
        return templates.list().map(list -> list.stream().map(ChannelTemplateView::of).toList());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    public Uni<ChannelTemplateView> get(@PathParam("code") String code) {
        return templates.get(code).map(ChannelTemplateView::of);
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    public Uni<RestResponse<ChannelTemplateView>> create(@Valid @NotNull ChannelTemplateRequest request) {
        return templates.create(request.toEntity())
                .map(created -> RestResponse.ResponseBuilder
                        .<ChannelTemplateView> created(URI.create("templates/" + created.code))
                        .entity(ChannelTemplateView.of(created)).build());
    }
}
