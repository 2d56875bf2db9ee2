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

    Sources sources();

    interface Schedule {
        /** STOCK_UPDATE_CRON: the original system's stock refresh, every six hours by default. */
        String stockUpdateCron();

        /** DATA_IMPORT_CRON: the original system's daily full import. */
        String dataImportCron();

        /** IMPORT_MAINTENANCE_CRON: retention clean-up. */
        String maintenanceCron();

        /** IMPORT_SCHEDULE_ZONE: the zone the import crons (seed's and suppliers') are read in, the shop's. */
        @WithDefault("Asia/Tokyo")
        java.time.ZoneId zone();
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

    /** The ways in besides uploads: the drop folder and suppliers' URLs (package {@code source}). */
    interface Sources {
        /** IMPORT_DROP_SCAN: how often each replica looks into INPUT_DIR for DROP_FOLDER suppliers. */
        @WithDefault("30s")
        Duration dropScan();

        /** IMPORT_DROP_SETTLE: a file is complete once its size and mtime stayed the same this long. */
        @WithDefault("5s")
        Duration dropSettle();

        /** IMPORT_URL_CONNECT_TIMEOUT: connecting to a supplier's URL. */
        @WithDefault("10s")
        Duration urlConnectTimeout();

        /** IMPORT_URL_TIMEOUT: the whole download of a supplier's URL, headers and body. */
        @WithDefault("10m")
        Duration urlTimeout();

        /**
         * IMPORT_SECRETS_DIR: a folder of files named by {@code authSecretRef} (a mounted Kubernetes Secret);
         * looked at before the environment variable of that name.
         */
        Optional<String> secretsDir();

        /** Queued runs fetched at once by one replica (URL downloads, drop-folder takes). */
        @WithDefault("2")
        int fetchers();
    }
}
