package jp.systemgear.ec.export.config;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** export-service settings (README's configuration table names the environment variables). */
@ConfigMapping(prefix = "export")
public interface ExportConfig {

    /** Rows fetched from the view's cursor per round trip ({@code EXPORT_FETCH_SIZE}). */
    @WithDefault("1000")
    int fetchSize();

    /** Where export jobs write their files ({@code EXPORT_DIR}); shared by the replicas for downloads. */
    Path dir();

    Schedule schedule();

    Jobs jobs();

    interface Jobs {
        /** How often a replica renews the heartbeat of the jobs it is writing, and looks for abandoned ones. */
        @WithDefault("30s")
        Duration heartbeat();

        /**
         * A running job whose heartbeat is older than this was abandoned by a replica that stopped
         * ({@code EXPORT_JOB_STALE_AFTER}): it is ended failed and its temporary file removed.
         */
        @WithDefault("3m")
        Duration staleAfter();
    }

    interface Schedule {
        /** How often each replica looks for due template schedules. */
        @WithDefault("60s")
        Duration tick();

        /**
         * A fire missed by at most this much (start-up, a slow tick) still runs; older fires are
         * skipped, so a new or re-enabled schedule does not replay its past.
         */
        @WithDefault("10m")
        Duration catchUp();
    }
}
