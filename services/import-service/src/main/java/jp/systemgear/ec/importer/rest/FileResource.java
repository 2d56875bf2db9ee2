package jp.systemgear.ec.importer.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;
import jp.systemgear.ec.common.security.Roles;
import jp.systemgear.ec.importer.reading.ReadProfile;
import jp.systemgear.ec.importer.service.PreviewService;
import jp.systemgear.ec.importer.service.UploadService;

/** Supplier files coming in: uploads (streamed to disk by the HTTP layer) and previews. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Files")
public class FileResource {

    private final UploadService uploads;
    private final PreviewService previews;

    public FileResource(UploadService uploads, PreviewService previews) {
        this.uploads = uploads;
        this.previews = previews;
    }

    @POST
    @Path("suppliers/{supplierCode}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Operation(summary = "Upload a supplier file; the same file again returns its existing run (200)")
    public Uni<RestResponse<ImportRunView>> upload(
            @PathParam("supplierCode") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,39}",
                    message = "not a supplier code") String supplierCode,
            @RestForm("file") FileUpload file,
            @Parameter(description = "Stop after staging with the diff against current stock, to apply or discard")
            @QueryParam("dryRun") boolean dryRun,
            @Parameter(description = "A corrected error report: only its rows change, no missing-items policy")
            @QueryParam("partial") boolean partial,
            @Parameter(description = "Also create the products the file names that catalog does not have yet (SKU "
                    + "from the rules, the file's JAN and name; rows without a name or with an invalid SKU create "
                    + "none), in the apply's transaction; the diff counts them as productsToCreate")
            @QueryParam("createProducts") boolean createProducts, SecurityContext security) {
        if (file == null || file.uploadedFile() == null) {
            throw new ApiException(ErrorCode.FILE_UPLOAD_ERROR, "The multipart field 'file' is missing");
        }
        return uploads.receive(supplierCode, file.uploadedFile(), file.fileName(), security.getUserPrincipal().getName(),
                UploadService.Options.upload(dryRun, partial, createProducts))
                .map(received -> received.duplicate()
                        ? RestResponse.ResponseBuilder.ok(ImportRunView.of(received.run()))
                                .header("X-Duplicate-Of", received.run().id).build()
                        : RestResponse.ResponseBuilder.<ImportRunView> created(URI.create("runs/" + received.run().id))
                                .entity(ImportRunView.of(received.run())).build());
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Blocking // reads the file: a worker thread, never the event loop
    @Operation(summary = "Decode the first rows of a file with a profile, without importing anything")
    public PreviewService.Preview preview(@RestForm("file") FileUpload file,
            @RestForm("profile") @PartType(MediaType.APPLICATION_JSON) ReadProfile profile,
            @QueryParam("rows") @DefaultValue("50") @Min(1) @Max(500) int rows) {
        if (file == null || file.uploadedFile() == null) {
            throw new ApiException(ErrorCode.FILE_UPLOAD_ERROR, "The multipart field 'file' is missing");
        }
        if (profile == null) {
            throw ApiException.validation("profile", "is required");
        }
        return previews.preview(file.uploadedFile(), profile, rows);
    }
}
