package jp.systemgear.ec.catalog.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.rules.RuleDiff;
import jp.systemgear.ec.catalog.service.RuleSetService;
import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.security.Roles;

/** A supplier's mapping rules (商品マッピングルール): versions, restore, diff, test, compiled form. */
@Path("/suppliers/{code}/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Mapping rules")
public class RuleResource {

    private final RuleSetService rules;
    private final SecurityIdentity identity;

    public RuleResource(RuleSetService rules, SecurityIdentity identity) {
        this.rules = rules;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    @Operation(summary = "The current rule-set version (version 0 with no rules before the first save)")
    public Uni<RuleSetView> current(@PathParam("code") String code) {
        return rules.current(code);
    }

    @PUT
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Operation(summary = "Save the rules as the next version; 422 MAPPING_RULE_ERROR names each invalid field")
    public Uni<RestResponse<RuleSetView>> save(@PathParam("code") String code, @Valid @NotNull RuleSetRequest request) {
        return rules.save(code, request, user()).map(v -> RestResponse.status(RestResponse.Status.CREATED, v));
    }

    @GET
    @Path("/versions")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    public Uni<List<RuleSetView.Summary>> versions(@PathParam("code") String code) {
        return rules.versions(code);
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    public Uni<RuleSetView> version(@PathParam("code") String code, @PathParam("version") int version) {
        return rules.version(code, version);
    }

    @POST
    @Path("/versions/{version}/restore")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Operation(summary = "Make an earlier version current again, as a new version")
    public Uni<RestResponse<RuleSetView>> restore(@PathParam("code") String code, @PathParam("version") int version) {
        return rules.restore(code, version, user()).map(v -> RestResponse.status(RestResponse.Status.CREATED, v));
    }

    @GET
    @Path("/diff")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    @Operation(summary = "Rules added, removed, changed and moved between two versions (0: no rules)")
    public Uni<RuleDiff> diff(@PathParam("code") String code, @QueryParam("from") Integer from,
            @QueryParam("to") Integer to) {
        if (from == null || to == null || from < 0 || to < 0) {
            throw ApiException.validation(from == null || from < 0 ? "from" : "to", "is required (a version, 0 or more)");
        }
        return rules.diff(code, from, to);
    }

    @POST
    @Path("/test")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER })
    @Operation(summary = "Run sample rows through the current or draft rules: per row the rule, SKU, cost and "
            + "quantity, or why it did not match. Writes nothing.")
    public Uni<RuleTestResult> test(@PathParam("code") String code, @Valid @NotNull RuleTestRequest request) {
        return rules.test(code, request);
    }

    @GET
    @Path("/compiled")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER, Roles.SCOPE_CATALOG_IMPORT })
    @Operation(summary = "The current rules as import-service applies them, with a strong ETag (304 on If-None-Match)")
    public Uni<RestResponse<String>> compiled(@PathParam("code") String code,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return rules.compiled(code).map(compiled -> {
            if (ifNoneMatch != null && matches(ifNoneMatch, compiled.etag())) {
                return RestResponse.ResponseBuilder.<String> notModified().header(HttpHeaders.ETAG, compiled.etag())
                        .build();
            }
            return RestResponse.ResponseBuilder.ok(compiled.json(), MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.ETAG, compiled.etag()).build();
        });
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private String user() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }
}
