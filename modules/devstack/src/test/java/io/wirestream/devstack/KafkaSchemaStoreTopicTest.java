package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.wirestream.registry.server.KafkaSchemaStore;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link KafkaSchemaStore} against a real broker's existing topics. */
class KafkaSchemaStoreTopicTest {

    private static EmbeddedKafka kafka;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void existingSchemasTopicWithDeletePolicyIsRefused() throws Exception {
        admin.createTopics(List.of(new NewTopic(KafkaSchemaStore.DEFAULT_TOPIC, 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE))))
                .all().get();

        assertThatThrownBy(() -> new KafkaSchemaStore(kafka.bootstrapServers(), KafkaSchemaStore.DEFAULT_TOPIC))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Schema store topic _schemas has cleanup.policy=delete")
                .hasMessageContaining("must be exactly 'compact'");
    }

    @Test
    void existingCompactedTopicIsUsedAndKeepsItsEntries() throws Exception {
        String topic = "_schemas-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                .all().get();

        try (KafkaSchemaStore store = new KafkaSchemaStore(kafka.bootstrapServers(), topic)) {
            assertThat(store.readAll()).isEmpty();
        }
    }
}
