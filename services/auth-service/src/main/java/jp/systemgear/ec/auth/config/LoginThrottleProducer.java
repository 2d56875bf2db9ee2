package jp.systemgear.ec.auth.config;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;

import jp.systemgear.ec.auth.service.InMemoryLoginThrottle;
import jp.systemgear.ec.auth.service.LoginThrottle;
import jp.systemgear.ec.auth.service.RedisLoginThrottle;

/** Chooses where login failures are counted: Redis when REDIS_URL is set, this process otherwise. */
public class LoginThrottleProducer {

    private static final Logger LOG = Logger.getLogger(LoginThrottleProducer.class);

    @Produces
    @Singleton
    LoginThrottle loginThrottle(@ConfigProperty(name = "quarkus.redis.hosts") Optional<String> redisHosts,
            Instance<ReactiveRedisDataSource> redis) {
        if (redisHosts.filter(hosts -> !hosts.isBlank()).isPresent()) {
            LOG.info("Login throttling counters are shared through Redis");
            return new RedisLoginThrottle(redis.get());
        }
        LOG.info("Login throttling counters are kept in this process (REDIS_URL is not set)");
        return new InMemoryLoginThrottle(Clock.systemUTC());
    }
}
