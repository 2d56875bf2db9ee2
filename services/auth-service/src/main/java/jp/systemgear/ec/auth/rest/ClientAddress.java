package jp.systemgear.ec.auth.rest;

import io.vertx.core.http.HttpServerRequest;

/** The caller's address as the throttle and the audit log see it (forwarded by trusted proxies). */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
