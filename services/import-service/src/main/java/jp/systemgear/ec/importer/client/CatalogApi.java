package jp.systemgear.ec.importer.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** The part of catalog-service's API import-service uses (scope {@code catalog:import}). */
@RegisterRestClient(configKey = "catalog")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    @GET
    @Path("/suppliers/{code}")
    Uni<SupplierDocument> supplier(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("code") String code);

    @GET
    @Path("/suppliers")
    Uni<List<SupplierDocument>> suppliers(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("active") Boolean active);

    /** 200 with the document and its ETag, or 304 when {@code ifNoneMatch} is still current. */
    @GET
    @Path("/suppliers/{code}/rules/compiled")
    Uni<RestResponse<String>> compiledRules(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("code") String code, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch);

    @POST
    @Path("/runs/{runId}/apply")
    Uni<AppliedRun> apply(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("runId") long runId,
            @QueryParam("partial") boolean partial, @QueryParam("createProducts") boolean createProducts,
            @QueryParam("onBehalfOf") String onBehalfOf);

    @POST
    @Path("/runs/{runId}/undo")
    Uni<AppliedRun> undo(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("runId") long runId,
            @QueryParam("onBehalfOf") String onBehalfOf);
}
