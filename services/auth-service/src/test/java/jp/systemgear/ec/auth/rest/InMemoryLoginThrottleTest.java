package jp.systemgear.ec.auth.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import jp.systemgear.ec.testing.PostgresTestResource;

/** Without REDIS_URL the counters live in the process. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class InMemoryLoginThrottleTest extends LoginThrottleScenarios {
}
