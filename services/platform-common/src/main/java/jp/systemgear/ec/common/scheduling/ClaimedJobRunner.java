package jp.systemgear.ec.common.scheduling;

import java.time.Instant;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;


/** Runs a scheduled job's work only on the replica that claims the fire, and records the outcome. */
@ApplicationScoped
public class ClaimedJobRunner {

    private static final Logger LOG = Logger.getLogger(ClaimedJobRunner.class);

    private final JobClaims executions;
    private final String node;

    public ClaimedJobRunner(JobClaims executions,
            @ConfigProperty(name = "HOSTNAME", defaultValue = "local") String node) {
        this.executions = executions;
        this.node = node;
    }

    /** Emits true when this replica ran the work, false when another replica had claimed the fire. */
    public Uni<Boolean> runOnce(String job, Instant fireTime, Supplier<Uni<String>> work) {
        return executions.claim(job, fireTime, node).chain(claimed -> {
            if (!claimed) {
                LOG.debugf("Job %s at %s already claimed by another replica", job, fireTime);
                return Uni.createFrom().item(false);
            }
            return work.get()
                    .call(detail -> executions.finish(job, fireTime, true, detail))
                    .invoke(detail -> LOG.infof("Job %s at %s succeeded: %s", job, fireTime, detail))
                    .onFailure().call(failure -> {
                        LOG.errorf(failure, "Job %s at %s failed", job, fireTime);
                        return executions.finish(job, fireTime, false, String.valueOf(failure.getMessage()));
                    })
                    .replaceWith(true);
        });
    }
}
