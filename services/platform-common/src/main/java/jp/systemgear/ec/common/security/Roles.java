package jp.systemgear.ec.common.security;

/** Role and scope names carried in the JWT {@code groups} claim; shared so no service misspells one. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";
    public static final String VIEWER = "viewer";

    /** Machine clients: Kubernetes CronJobs trigger imports. */
    public static final String SCOPE_IMPORT_TRIGGER = "import:trigger";
    /** Machine clients: internal systems read exports. */
    public static final String SCOPE_EXPORT_READ = "export:read";
    /** import-service's own client: reads suppliers and compiled rules, applies and undoes runs in catalog. */
    public static final String SCOPE_CATALOG_IMPORT = "catalog:import";

    /** The audience every access token is issued for and every service requires. */
    public static final String AUDIENCE = "system-gear-ec";

    private Roles() {
    }
}
