package jp.systemgear.ec.importer.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** import-service settings; the environment variable behind each is in README's table. */
@ConfigMapping(prefix = "import")
public interface ImportConfig {

    Schedule schedule();

    Retention retention();

    Dirs dirs();

    Processing processing();

    ServiceClient serviceClient();

    interface Schedule {
        /** STOCK_UPDATE_CRON: the original system's stock refresh, every six hours by default. */
        String stockUpdateCron();

        /** DATA_IMPORT_CRON: the original system's daily full import. */
        String dataImportCron();

        /** IMPORT_MAINTENANCE_CRON: retention clean-up. */
        String maintenanceCron();
    }

    interface Retention {
        /** ROW_ERROR_RETENTION: how long row errors are kept (the runbook's six months). */
        Duration rowErrors();

        /** STAGING_RETENTION: how long a finished run's staged rows are kept (unmatched list, diff). */
        @WithDefault("P30D")
        Duration stagedRows();
    }

    interface Dirs {
        String upload();

        String input();

        String processed();

        String error();
    }

    /** How runs are worked: in parallel (of different suppliers), and when a silent one is taken over. */
    interface Processing {
        /** IMPORT_WORKERS: runs processed at once by one replica. */
        @WithDefault("2")
        int workers();

        /** IMPORT_POLL_INTERVAL: how often a replica looks for work it was not told about. */
        @WithDefault("2s")
        Duration pollInterval();

        /** IMPORT_STALE_AFTER: a run whose holder has not beaten its heartbeat this long is taken over. */
        @WithDefault("60s")
        Duration staleAfter();

        /** Parse attempts before an interrupted run is failed instead of parsed again. */
        @WithDefault("3")
        int maxAttempts();

        /** Rows per COPY round trip and per progress update. */
        @WithDefault("5000")
        int batchRows();

        /** IMPORT_AUTO_START: false leaves runs alone (tests that drive the pipeline step by step). */
        @WithDefault("true")
        boolean autoStart();
    }

    /** import-service's own client of auth-service, for calls to catalog-service (scope catalog:import). */
    interface ServiceClient {
        /** IMPORT_CLIENT_ID */
        String id();

        /** IMPORT_CLIENT_SECRET: the same value auth-service has as AUTH_INTERNAL_CLIENT_SECRET. */
        Optional<String> secret();
    }
}
