package jp.systemgear.ec.auth.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

import jp.systemgear.ec.auth.config.AuthConfig;
import jp.systemgear.ec.common.security.Roles;

/**
 * Creates the first administrator from configuration (a Secret in production: there is no default
 * password) and, for the local stack only, one demo user per role.
 */
public class UserBootstrap {

    private static final Logger LOG = Logger.getLogger(UserBootstrap.class);

    void onStart(@Observes StartupEvent event, AuthConfig config, UserService users, ClientService clients)
            throws Throwable {
        if (config.internalClient().secret().isPresent()) {
            String id = config.internalClient().id();
            boolean changed = VertxContextSupport.subscribeAndAwait(() -> clients
                    .ensureInternal(id, config.internalClient().secret().get(), Set.of(Roles.SCOPE_CATALOG_IMPORT))
                    .ifNoItem().after(Duration.ofSeconds(30)).fail());
            if (changed) {
                LOG.infof("Internal client '%s' set up from configuration", id);
            }
        }
        List<UserService.NewUser> wanted = new ArrayList<>();
        if (config.admin().username().isPresent() && config.admin().password().isPresent()) {
            wanted.add(new UserService.NewUser(config.admin().username().get(), "Administrator", Roles.ADMIN,
                    config.admin().password().get()));
        }
        if (config.demoUsers()) {
            for (String role : List.of(Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER)) {
                wanted.add(new UserService.NewUser(role, "Demo " + role, role, config.demoPassword()));
            }
        }
        for (UserService.NewUser user : wanted) {
            // Start-up runs on the main thread: give the reactive session a Vert.x context to run on.
            boolean created = VertxContextSupport.subscribeAndAwait(
                    () -> users.createIfAbsent(user).ifNoItem().after(Duration.ofSeconds(30)).fail());
            if (created) {
                LOG.infof("Created %s user '%s'", user.role(), user.username());
            }
        }
    }

}
