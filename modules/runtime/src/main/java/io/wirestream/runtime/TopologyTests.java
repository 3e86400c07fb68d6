package io.wirestream.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Settings for a {@code TopologyTestDriver} test of a service: a fake broker address, an in-memory
 * registry ({@code mock://<scope>}), state under the test's directory, and otherwise exactly the
 * properties the service runs with (dead-letter handling included). In main code so that every
 * service's tests share one definition.
 */
public final class TopologyTests {

    private TopologyTests() {
    }

    public static ServiceSettings settings(String service, String registryScope, Path stateDir) {
        Properties p = new Properties();
        p.setProperty(ServiceSettings.BOOTSTRAP_SERVERS, "test-driver:9092");
        p.setProperty(ServiceSettings.SCHEMA_REGISTRY_URL, "mock://" + registryScope);
        p.setProperty(ServiceSettings.STATE_DIR, stateDir.toString());
        return ServiceSettings.parse(service, p, Map.of());
    }
}
