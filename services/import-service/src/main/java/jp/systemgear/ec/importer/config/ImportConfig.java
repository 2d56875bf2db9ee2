package jp.systemgear.ec.importer.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** import-service settings; the environment variable behind each is in README's table. */
@ConfigMapping(prefix = "import")
public interface ImportConfig {

    Schedule schedule();

    Retention retention();

    Dirs dirs();

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
    }

    interface Dirs {
        String upload();

        String input();

        String processed();

        String error();
    }
}
