package jp.systemgear.ec.export.rest;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

import jp.systemgear.ec.common.security.Roles;
import jp.systemgear.ec.export.domain.ExportFormat;
import jp.systemgear.ec.export.domain.ExportRequest;
import jp.systemgear.ec.export.service.StockExportService;

@Path("/stock")
@Tag(name = "Stock export")
public class StockExportResource {

    /** Announces the rule for characters the charset lacks (headers go out before the body is written). */
    static final String SUBSTITUTION_HEADER = "X-Export-Unmappable-Replacement";

    private final StockExportService exports;

    public StockExportResource(StockExportService exports) {
        this.exports = exports;
    }

    @GET
    // Blocking: the export is written to a blocking output stream from a JDBC cursor (see the repository).
    @Blocking
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER, Roles.SCOPE_EXPORT_READ })
    @Operation(summary = "Current stock and cost per product (level=product) or per product and supplier "
            + "(level=supplier), streamed as CSV, TSV, JSON or NDJSON from one consistent snapshot")
    public Response stock(@QueryParam("level") String level, @QueryParam("format") String format,
            @QueryParam("encoding") String encoding, @QueryParam("header") String header,
            @QueryParam("supplier") List<String> suppliers, @QueryParam("sku") List<String> skus,
            @QueryParam("inStock") String inStock, @QueryParam("changedSince") String changedSince,
            @Context HttpHeaders headers, @Context SecurityContext security,
            @Context io.vertx.core.http.HttpServerResponse vertxResponse) {
        ExportRequest request = exports.request(level, format, fromAccept(headers), encoding, header, suppliers, skus,
                inStock, changedSince);
        String client = security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
        StreamingOutput body = out -> {
            try {
                exports.write(request, client, new ClientGoneGuard(out, vertxResponse::closed));
            } catch (java.sql.SQLException e) {
                // Thrown before the first byte this becomes a problem response; later the stream is cut,
                // which the client sees as an incomplete chunked body, never as a short "complete" file.
                throw new jakarta.ws.rs.ProcessingException(e);
            }
        };
        String extension = request.format().name().toLowerCase(Locale.ROOT);
        Response.ResponseBuilder response = Response.ok(body)
                .type(contentType(request))
                .header("Content-Disposition", "attachment; filename=\"stock-"
                        + request.level().name().toLowerCase(Locale.ROOT) + "." + extension + "\"");
        if (request.format().delimited && !request.charset().name().startsWith("UTF-")) {
            response.header(SUBSTITUTION_HEADER, "U+3013");
        }
        return response.build();
    }

    private static String contentType(ExportRequest request) {
        if (request.format().delimited) {
            // RFC 4180's header parameter tells a reader whether the first line is data.
            return request.format().mediaType + "; charset=" + request.charset().name() + "; header="
                    + (request.header() ? "present" : "absent");
        }
        return request.format().mediaType + (request.format() == ExportFormat.JSON ? "; charset=UTF-8" : "");
    }

    /** The first export format the client accepts, in its order of preference; null for none or wildcards. */
    private static ExportFormat fromAccept(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            var match = ExportFormat.byMediaType(type.getType(), type.getSubtype());
            if (match.isPresent()) {
                return match.get();
            }
        }
        return null;
    }
}
