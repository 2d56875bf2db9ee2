package jp.systemgear.ec.testing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Test-only endpoint that forgets its security annotation, as a future one might: the services deny
 * such endpoints to everybody (quarkus.security.jaxrs.deny-unannotated-endpoints).
 */
@Path("/__probe/unannotated")
public class UnannotatedProbeResource {

    @GET
    public String leak() {
        return "this must never be served";
    }
}
