package jp.systemgear.ec.export.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.security.Roles;
import jp.systemgear.ec.export.service.ChannelTemplateService;
import jp.systemgear.ec.export.service.StockExportService;

@Path("/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Channel templates")
public class ChannelTemplateResource {

    static final int MAX_PREVIEW_ROWS = 100;

    private final ChannelTemplateService templates;
    private final StockExportService exports;

    public ChannelTemplateResource(ChannelTemplateService templates, StockExportService exports) {
        this.templates = templates;
        this.exports = exports;
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

    @PUT
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Operation(summary = "Replace a template (its code stays: the body's code must match the path)")
    public Uni<ChannelTemplateView> replace(@PathParam("code") String code, @Valid @NotNull ChannelTemplateRequest request) {
        if (!code.equals(request.code())) {
            throw ApiException.validation("code", "must be the code in the path, '" + code + "'");
        }
        return templates.replace(code, request::applyTo).map(ChannelTemplateView::of);
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    public Uni<RestResponse<Void>> delete(@PathParam("code") String code) {
        return templates.delete(code).map(v -> RestResponse.noContent());
    }

    @GET
    @Path("/{code}/preview")
    // Blocking: reads the template and the first rows through JDBC on a worker thread, like the export.
    @Blocking
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    @Operation(summary = "The first rows of the template's export as its file would show them")
    public TemplatePreview preview(@PathParam("code") String code, @QueryParam("rows") Integer rows,
            @QueryParam("sku") List<String> skus) throws Exception {
        int limit = rows == null ? 10 : rows;
        if (limit < 1 || limit > MAX_PREVIEW_ROWS) {
            throw ApiException.validation("rows", "must be between 1 and " + MAX_PREVIEW_ROWS);
        }
        var template = exports.template(code);
        var preview = exports.preview(template, skus, limit);
        return new TemplatePreview(template.code, template.format, template.encoding, template.includeHeader,
                preview.headers(), preview.rows());
    }
}
