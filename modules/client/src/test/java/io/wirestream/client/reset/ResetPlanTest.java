package io.wirestream.client.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ResetPlanTest {

    @Test
    void internalTopicsAreNamedLikeKafkaStreamsNamesThem() {
        assertThat(StreamsReset.looksInternal("app-dedup-articles-changelog")).isTrue();
        assertThat(StreamsReset.looksInternal("app-dedup-by-bucket-repartition")).isTrue();
        assertThat(StreamsReset.looksInternal("app-named-subscription-registration-topic")).isTrue();
        assertThat(StreamsReset.looksInternal("app-KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-0000000012-topic")).isTrue();
        assertThat(StreamsReset.looksInternal("app-dedup-signals")).isFalse();
        assertThat(StreamsReset.looksInternal("news.articles.raw")).isFalse();
    }

    @Test
    void describesEachActionInDryRunAndForReal() {
        ResetPlan plan = new ResetPlan("app", Map.of(new TopicPartition("in", 1), 0L, new TopicPartition("in", 0), 3L),
                Map.of(new TopicPartition("app-loop", 0), 9L), List.of("app-s-changelog"), Optional.of(Path.of("/state/app")));

        assertThat(plan.describe(true)).containsExactly(
                "would reset input topic in of app to p0@3 p1@0",
                "would skip intermediate topic app-loop of app to its end p0@9",
                "would delete internal topic app-s-changelog",
                "would delete local state " + Path.of("/state/app"));
        assertThat(new ResetPlan("app", Map.of(), Map.of(), List.of(), Optional.empty()).describe(false)).containsExactly(
                "no internal topics of app to delete", "no local state of app on this machine");
    }
}
