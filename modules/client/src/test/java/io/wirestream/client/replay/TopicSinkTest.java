package io.wirestream.client.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class TopicSinkTest {

    private static final Map<String, Object> NO_BROKER = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 200);

    private static ConsumerRecord<byte[], byte[]> record() {
        return new ConsumerRecord<>("news.articles.raw", 3, 41, 1_794_138_000_000L, TimestampType.CREATE_TIME, 1, 1,
                "k".getBytes(StandardCharsets.UTF_8), "v".getBytes(StandardCharsets.UTF_8), new RecordHeaders(), Optional.empty());
    }

    /**
     * A send that fails (here: no broker answers, so the producer's metadata wait runs out) reaches the caller
     * once, as itself, naming the record; closing the sink in try-with-resources afterwards must not throw the
     * same exception again, which the JDK would turn into "Self-suppression not permitted" and lose the cause.
     */
    @Test
    void aFailedSendIsReportedOnceWithItsCauseWhenTheSinkIsClosedByTryWithResources() {
        Throwable thrown = catchThrowable(() -> {
            try (TopicSink sink = TopicSink.create("v2.news.articles.raw", NO_BROKER, true)) {
                sink.write(record());
                sink.flush();
            }
        });

        assertThat(thrown).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot write the record from news.articles.raw-3@41 to v2.news.articles.raw");
        assertThat(thrown.getCause()).isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        assertThat(thrown.getSuppressed()).isEmpty();
    }

    /** A failure nobody has seen yet (the last write, never flushed) is what closing the sink throws. */
    @Test
    void aFailureNotYetReportedIsThrownByClose() {
        TopicSink sink = TopicSink.create("v2.news.articles.raw", NO_BROKER, true);
        sink.write(record());

        assertThat(catchThrowable(sink::close)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot write the record from news.articles.raw-3@41");
    }
}
