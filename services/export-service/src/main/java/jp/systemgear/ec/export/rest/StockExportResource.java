package jp.systemgear.ec.export.rest;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
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

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;
import jp.systemgear.ec.common.security.Roles;
import jp.systemgear.ec.export.domain.ChannelTemplate;
import jp.systemgear.ec.export.domain.ExportFormat;
import jp.systemgear.ec.export.domain.ExportRequest;
import jp.systemgear.ec.export.repository.StockExportRepository.ExportSession;
import jp.systemgear.ec.export.service.StockExportService;

@Path("/stock")
@Tag(name = "Stock export")
public class StockExportResource {

    /** Announces the rule for characters the charset lacks (headers go out before the body is written). */
    static final String SUBSTITUTION_HEADER = "X-Export-Unmappable-Replacement";
    /** The token for the next incremental call ({@code cursor=}): rows changed after this response's snapshot. */
    static final String CURSOR_HEADER = "X-Export-Cursor";

    private final StockExportService exports;

    public StockExportResource(StockExportService exports) {
        this.exports = exports;
    }

    @GET
    // Blocking: the export is written to a blocking output stream from a JDBC cursor (see the repository).
    @Blocking
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER, Roles.SCOPE_EXPORT_READ })
    @Operation(summary = "Current stock and cost per product (level=product) or per product and supplier "
            + "(level=supplier), streamed as CSV, TSV, JSON or NDJSON from one consistent snapshot; "
            + "cursor=<X-Export-Cursor of an earlier response> returns only what changed since; "
            + "template=<code> writes a channel template's layout; If-None-Match answers 304 when nothing changed")
    public Response stock(@QueryParam("level") String level, @QueryParam("format") String format,
            @QueryParam("encoding") String encoding, @QueryParam("header") String header,
            @QueryParam("supplier") List<String> suppliers, @QueryParam("sku") List<String> skus,
            @QueryParam("inStock") String inStock, @QueryParam("changedSince") String changedSince,
            @QueryParam("cursor") String cursor, @QueryParam("template") String templateCode,
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context HttpHeaders headers, @Context SecurityContext security,
            @Context io.vertx.core.http.HttpServerResponse vertxResponse) throws SQLException {
        ChannelTemplate template = templateCode == null || templateCode.isBlank() ? null
                : exports.template(templateCode.trim());
        ExportRequest request = exports.request(new StockExportService.Params(level, format, fromAccept(headers),
                encoding, header, suppliers, skus, inStock, changedSince, cursor), template);
        String client = client(security);
        ExportSession session = exports.open();
        try {
            if (request.since() != null && session.predatesPrunedRemovals(request.since().snapshot())) {
                throw new ApiException(ErrorCode.CURSOR_EXPIRED, "The cursor is older than the removals catalog keeps "
                        + "(CATALOG_REMOVED_ROW_RETENTION): rows removed since it could be missing. Take a full export "
                        + "without cursor and continue from its X-Export-Cursor");
            }
            String next = exports.cursorAfter(request, session.snapshot()).token();
            Optional<String> known = exports.snapshotOf(request, ifNoneMatch);
            if (known.isPresent() && !session.changedSince(request, known.get())) {
                // Nothing in scope changed since the client's copy: it stays valid, and so does its tag.
                session.close();
                return Response.notModified()
                        .header("ETag", exports.etag(request, known.get()))
                        .header(CURSOR_HEADER, next).header("Cache-Control", "private, no-cache").build();
            }
            StreamingOutput body = out -> {
                try {
                    exports.stream(request, session, client, new ClientGoneGuard(out, vertxResponse::closed));
                } catch (SQLException e) {
                    // Thrown before the first byte this becomes a problem response; later the stream is cut,
                    // which the client sees as an incomplete chunked body, never as a short "complete" file.
                    throw new ProcessingException(e);
                }
            };
            Response.ResponseBuilder response = Response.ok(body)
                    .type(contentType(request))
                    .header("Content-Disposition", "attachment; filename=\"" + fileName(request) + "\"")
                    .header("ETag", exports.etag(request, session.snapshot()))
                    // Clients may keep a copy but must revalidate it (If-None-Match, cheap when unchanged).
                    .header("Cache-Control", "private, no-cache")
                    .header(CURSOR_HEADER, next);
            if (request.format().delimited && !request.charset().name().startsWith("UTF-")) {
                response.header(SUBSTITUTION_HEADER, "U+3013");
            }
            return response.build();
        } catch (SQLException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    static String client(SecurityContext security) {
        return security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
    }

    private static String fileName(ExportRequest request) {
        String extension = request.format().name().toLowerCase(Locale.ROOT);
        String base = request.templateCode() != null ? request.templateCode()
                : "stock-" + request.level().name().toLowerCase(Locale.ROOT);
        return base + "." + extension;
    }

    static String contentType(ExportRequest request) {
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
