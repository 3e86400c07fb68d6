package io.wirestream.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.model.topic.CleanupPolicy;
import io.wirestream.model.topic.Topic;
import io.wirestream.model.topic.TopicProvisioner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Against a real broker: what "ready" means after {@link TopicProvisioner#createMissing}. */
class TopicProvisionerTest {

    /**
     * A topic's partitions have leaders in the metadata a moment before the leader's replica manager serves them;
     * a produce in that moment is answered NOT_LEADER_OR_FOLLOWER, and with two requests in flight an idempotent
     * producer can lose the race for good (KAFKA-15591). Here the producer does not retry, so any such answer
     * fails the send: every partition of every freshly created topic must take a record at once.
     */
    @Test
    void everyPartitionOfACreatedTopicTakesARecordAtOnce() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                     ProducerConfig.ACKS_CONFIG, "1",
                     ProducerConfig.RETRIES_CONFIG, 0), new StringSerializer(), new StringSerializer())) {
            for (int round = 0; round < 10; round++) {
                List<Topic<?, ?>> topics = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    topics.add(new Topic<>("ready-" + round + "-" + t, Serdes.String(), Serdes.String(), 6, (short) 1,
                            Optional.empty(), CleanupPolicy.DELETE));
                }
                TopicProvisioner.createMissing(admin, topics);

                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (Topic<?, ?> topic : topics) {
                    for (int p = 0; p < topic.partitions(); p++) {
                        sent.add(producer.send(new ProducerRecord<>(topic.name(), p, "k", "v")));
                    }
                }
                for (Future<RecordMetadata> f : sent) {
                    assertThat(f.get().offset()).as("round " + round).isZero();
                }
            }
        }
    }
}
