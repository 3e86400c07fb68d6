package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/** Listener, advertised and voter addresses the broker is configured with for various hosts. */
class EmbeddedKafkaListenersTest {

    private static Properties propsFor(String host) {
        return EmbeddedKafka.brokerProperties(EmbeddedKafkaConfig.defaults().withHost(host), Path.of("logs"),
                9092, 9093);
    }

    @Test
    void ipv6LiteralIsBracketedInListenersAdvertisedListenersAndVoters() {
        for (String host : new String[] {"::1", "[::1]"}) {
            Properties props = propsFor(host);

            assertThat(props.getProperty("listeners")).isEqualTo("PLAINTEXT://[::1]:9092,CONTROLLER://[::1]:9093");
            assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://[::1]:9092");
            assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@[::1]:9093");
        }
    }

    @Test
    void wildcardHostBindsEverywhereButAdvertisesLoopback() {
        Properties props = propsFor("0.0.0.0");

        assertThat(props.getProperty("listeners")).isEqualTo("PLAINTEXT://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093");
        assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092");
        assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:9093");
        assertThat(propsFor("::").getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092");
    }

    @Test
    void brokerBoundToTheWildcardIsReachedThroughLoopback() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.defaults().withHost("0.0.0.0"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
            assertThat(admin.describeCluster().nodes().get()).singleElement()
                    .satisfies(node -> assertThat(node.host()).isEqualTo("127.0.0.1"));
        }
    }
}
