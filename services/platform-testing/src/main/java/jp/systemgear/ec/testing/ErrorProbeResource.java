package jp.systemgear.ec.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;

/**
 * Test-only endpoint (this module is a test dependency): raises each error code so the contract
 * test can check its HTTP shape in every service.
 */
@Path("/__probe/errors")
@PermitAll
public class ErrorProbeResource {

    @GET
    @Path("/{code}")
    public String raise(@PathParam("code") String code) {
        ErrorCode errorCode = ErrorCode.valueOf(code);
        if (errorCode == ErrorCode.RATE_LIMITED) {
            throw ApiException.rateLimited("Too many requests from this client", 30);
        }
        throw new ApiException(errorCode, "Probe for " + code);
    }

    @GET
    @Path("/unexpected")
    public String unexpected() {
        throw new IllegalStateException("probe: an unexpected failure with internal details");
    }
}
