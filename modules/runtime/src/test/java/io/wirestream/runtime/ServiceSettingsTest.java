package io.wirestream.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void environmentFillsWhatPropertiesLeaveOut() {
        ServiceSettings s = ServiceSettings.parse("dedup", props("bootstrap.servers", "k1:9092"),
                Map.of("WIRESTREAM_BOOTSTRAP_SERVERS", "ignored:1", "WIRESTREAM_SCHEMA_REGISTRY_URL", "http://sr:8081",
                        "WIRESTREAM_TOPICS_PARTITIONS", "12"));
        assertThat(s.bootstrapServers()).isEqualTo("k1:9092");
        assertThat(s.schemaRegistryUrl()).isEqualTo("http://sr:8081");
        assertThat(s.topics().partitions()).isEqualTo(12);
        assertThat(s.applicationId()).isEqualTo("wirestream-dedup");
    }

    @Test
    void topicPrefixAlsoPrefixesTheDefaultApplicationIdButNotAGivenOne() {
        ServiceSettings v2 = ServiceSettings.parse("tagger", props("bootstrap.servers", "k:9092",
                "schema.registry.url", "http://sr:8081", "topics.prefix", "v2."), Map.of());
        assertThat(v2.applicationId()).isEqualTo("v2.wirestream-tagger");
        assertThat(v2.topics().prefix()).isEqualTo("v2.");
        ServiceSettings given = ServiceSettings.parse("tagger", props("bootstrap.servers", "k:9092",
                "schema.registry.url", "http://sr:8081", "topics.prefix", "v2.", "application.id", "tagger-next"), Map.of());
        assertThat(given.applicationId()).isEqualTo("tagger-next");
    }

    @Test
    void missingBootstrapServersNamesEveryWayToGiveIt() {
        assertThatThrownBy(() -> ServiceSettings.parse("tagger", props("schema.registry.url", "http://x"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrap.servers")
                .hasMessageContaining("--bootstrap-servers")
                .hasMessageContaining("WIRESTREAM_BOOTSTRAP_SERVERS");
    }

    @Test
    void outOfRangePartitionsAreRejectedWithTheKeyAndRange() {
        assertThatThrownBy(() -> ServiceSettings.parse("x", props("bootstrap.servers", "k:1", "schema.registry.url", "http://x",
                "topics.partitions", "0"), Map.of()))
                .hasMessageContaining("topics.partitions").hasMessageContaining("1..10000");
        assertThatThrownBy(() -> ServiceSettings.parse("x", props("bootstrap.servers", "k:1", "schema.registry.url", "http://x",
                "topics.partitions", "many"), Map.of()))
                .hasMessageContaining("'many'");
    }

    @Test
    void registryKeysGoToTheSerdesAndTheRestToKafkaStreams() {
        ServiceSettings s = ServiceSettings.parse("ingest", props("bootstrap.servers", "k:1", "schema.registry.url", "http://x",
                "basic.auth.user.info", "u:p", "num.stream.threads", "3"), Map.of());
        assertThat(s.serdeConfig()).containsEntry("basic.auth.user.info", "u:p").containsEntry("schema.registry.url", "http://x")
                .doesNotContainKey("num.stream.threads");
        Properties streams = s.streamsProperties("news.dlq");
        assertThat(streams.getProperty("num.stream.threads")).isEqualTo("3");
        assertThat(streams.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(streams.getProperty(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)).isEqualTo("news.dlq");
        assertThat(streams).doesNotContainKey("basic.auth.user.info");
    }

    @Test
    void serviceKeysStayOutOfTheKafkaStreamsConfig() {
        ServiceSettings s = ServiceSettings.parse("dedup", props("bootstrap.servers", "k:1", "schema.registry.url", "http://x",
                "dedup.threshold", "0.9"), Map.of());
        assertThat(s.serviceOverrides()).containsEntry("dedup.threshold", "0.9");
        assertThat(s.streamsProperties("dlq")).doesNotContainKey("dedup.threshold");
    }

    @Test
    void overridesWinOverDefaults() {
        ServiceSettings s = ServiceSettings.parse("ingest", props("bootstrap.servers", "k:1", "schema.registry.url", "http://x",
                "processing.guarantee", "at_least_once"), Map.of());
        assertThat(s.streamsProperties("dlq").getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("at_least_once");
    }

    @Test
    void commitsEvery50MsUnlessTold() {
        ServiceSettings plain = ServiceSettings.parse("dedup", props("bootstrap.servers", "k:1", "schema.registry.url", "http://x"), Map.of());
        // Kafka Streams' own default under exactly-once is 100 ms; Wirestream's is half that, for latency
        assertThat(plain.streamsProperties("dlq").getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("50");
        ServiceSettings told = ServiceSettings.parse("dedup", props("bootstrap.servers", "k:1", "schema.registry.url", "http://x",
                "commit.interval.ms", "200"), Map.of());
        assertThat(told.streamsProperties("dlq").getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("200");
        // at-least-once keeps Kafka Streams' own default (30 s): 50 ms would only cost commits there
        ServiceSettings atLeastOnce = ServiceSettings.parse("dedup", props("bootstrap.servers", "k:1", "schema.registry.url",
                "http://x", "processing.guarantee", "at_least_once"), Map.of());
        assertThat(atLeastOnce.streamsProperties("dlq")).doesNotContainKey(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    }
}
