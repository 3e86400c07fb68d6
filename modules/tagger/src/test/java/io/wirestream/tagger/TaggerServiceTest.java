package io.wirestream.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.model.DedupedArticle;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.RawArticle;
import io.wirestream.model.topic.FilterHeaders;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import io.wirestream.runtime.TopologyTests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaggerServiceTest {

    @TempDir
    Path state;

    @Test
    void originalBecomesEnrichedEventWithFilteringHeaders() {
        ServiceSettings settings = TopologyTests.settings(TaggerService.NAME, "tagger-test-" + System.nanoTime(), state);
        Topics topics = StreamsService.topics(settings);
        try (TopologyTestDriver driver = new TopologyTestDriver(TaggerService.topology(topics),
                settings.streamsProperties(topics.dlq().name()))) {
            TestInputTopic<String, DedupedArticle> in = driver.createInputTopic(topics.articlesDeduped().name(),
                    topics.articlesDeduped().keySerde().serializer(), topics.articlesDeduped().valueSerde().serializer());
            TestOutputTopic<String, EnrichedArticle> out = driver.createOutputTopic(topics.enriched().name(),
                    topics.enriched().keySerde().deserializer(), topics.enriched().valueSerde().deserializer());

            Instant published = Instant.parse("2026-11-19T09:27:00Z");
            RawArticle raw = RawArticle.newBuilder().setArticleId("a1").setSource("Wire").setLanguage("en")
                    .setTitle("Monitors deploy along Armenia border")
                    .setBody("President Amara Diallo welcomed the mission to Armenia and Azerbaijan. Diallo said it would help.")
                    .setPublishedAt(published).setIngestedAt(published).setContentHash("h").build();
            in.pipeInput("a1", DedupedArticle.newBuilder().setArticleId("a1").setStoryId("story-1").setArticle(raw)
                    .setDecidedAt(published).build(), published);

            TestRecord<String, EnrichedArticle> r = out.readRecord();
            assertThat(r.key()).isEqualTo("a1");
            assertThat(r.value().getStoryId()).isEqualTo("story-1");
            assertThat(r.value().getFocusRegion()).isEqualTo("AM");
            assertThat(r.value().getTaggedAt()).isEqualTo(published);
            assertThat(header(r, TaggerService.HEADER_REGIONS)).isEqualTo("AM,AZ");
            assertThat(header(r, TaggerService.HEADER_ACTORS)).isEqualTo("discovered:amara-diallo");
            assertThat(header(r, TaggerService.HEADER_LANG)).isEqualTo("en");
            assertThat(header(r, FilterHeaders.KINDS)).isEqualTo("PERSON");
            assertThat(header(r, FilterHeaders.SOURCE)).isEqualTo(raw.getSource());
            assertThat(header(r, FilterHeaders.STORY)).isEqualTo("story-1");
        }
    }

    @Test
    void retractedOriginalIsRetractedOnTheEnrichedTopicToo() {
        ServiceSettings settings = TopologyTests.settings(TaggerService.NAME, "tagger-retract-" + System.nanoTime(), state);
        Topics topics = StreamsService.topics(settings);
        try (TopologyTestDriver driver = new TopologyTestDriver(TaggerService.topology(topics),
                settings.streamsProperties(topics.dlq().name()))) {
            TestInputTopic<String, DedupedArticle> in = driver.createInputTopic(topics.articlesDeduped().name(),
                    topics.articlesDeduped().keySerde().serializer(), topics.articlesDeduped().valueSerde().serializer());
            TestOutputTopic<String, EnrichedArticle> out = driver.createOutputTopic(topics.enriched().name(),
                    topics.enriched().keySerde().deserializer(), topics.enriched().valueSerde().deserializer());
            TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(topics.dlq().name(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());

            in.pipeInput("copy-1", null, Instant.parse("2026-11-19T09:31:00Z"));

            TestRecord<String, EnrichedArticle> r = out.readRecord();
            assertThat(r.key()).isEqualTo("copy-1");
            assertThat(r.value()).isNull();
            assertThat(r.headers().toArray()).isEmpty();
            assertThat(dlq.isEmpty()).isTrue();
        }
    }

    private static String header(TestRecord<?, ?> r, String key) {
        return new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
