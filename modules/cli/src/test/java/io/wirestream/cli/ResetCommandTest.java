package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.client.reset.StreamsReset;
import io.wirestream.dedup.DedupService;
import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackConfig;
import io.wirestream.ingest.IngestService;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.StreamsService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wirestream reset dedup}: refused while dedup runs; after it stops, a dry run changes nothing, the
 * reset rewinds the input offsets and deletes the internal topics and the local state, and the next run
 * decides every article again, the same way.
 */
class ResetCommandTest {

    @TempDir
    Path dir;

    @Test
    void resetDedupReprocessesTheArchiveFromTheStart() throws Exception {
        try (DevStack stack = DevStack.start(DevStackConfig.defaults().withDataDir(dir.resolve("stack")))) {
            PipelineFixture f = new PipelineFixture(stack, dir.resolve("state"));
            f.createTopics("r.");
            Topics topics = f.topics("r.");
            // a short session so that the group empties soon after dedup stops (the default is 45 s)
            var dedupSettings = f.settings(DedupService.NAME, "r.", "r-dedup", Map.of("session.timeout.ms", "6000"));
            String[] reset = {"reset", "dedup", "--application-id", "r-dedup", "--topic-prefix", "r.", "--bootstrap-servers",
                    stack.bootstrapServers(), "--config", Files.writeString(dir.resolve("reset.properties"),
                    "state.dir=" + dir.resolve("state").toString().replace("\\", "/") + "\n").toString()};
            int documents;
            try (StreamsService ingest = f.start(IngestService::start, f.settings(IngestService.NAME, "r.", "r-ingest"))) {
                StreamsService dedup = f.start(DedupService::start, dedupSettings);
                try {
                    documents = f.publishGenerated("r.", 5, 24, 0.3).size();
                    await().atMost(Duration.ofSeconds(40)).until(() -> f.readAll(topics.duplicates()).size() >= documents);

                    CliRun refused = CliRun.of(reset);
                    assertThat(refused.exit()).isEqualTo(1);
                    assertThat(refused.err()).contains("application r-dedup still has 1 active member(s)", "stop every instance");
                } finally {
                    dedup.close();
                }
            }
            Map<String, String> first = finalDecisions(f.readAll(topics.duplicates()));
            assertThat(first).hasSize(documents);
            Set<String> internal = internalTopics(f);
            assertThat(internal).isNotEmpty();
            assertThat(dir.resolve("state/r-dedup")).isDirectory();

            CliRun dryRun = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> CliRun.of(concat(reset, "--dry-run")), r -> r.exit() == 0);
            assertThat(dryRun.out()).contains("would reset input topic r.news.articles.raw of r-dedup to p0@0 p1@0 p2@0",
                    "would skip intermediate topic r-dedup-dedup-signals", "would delete internal topic "
                            + internal.iterator().next(), "would delete local state " + dir.resolve("state/r-dedup"),
                    "dry run: nothing changed");
            assertThat(internalTopics(f)).isEqualTo(internal);

            CliRun done = CliRun.of(reset);
            assertThat(done.exit()).as(done.err()).isZero();
            assertThat(done.out()).contains("reset r-dedup: its next run reprocesses r.news.articles.raw from the start");
            assertThat(internalTopics(f)).isEmpty();
            assertThat(dir.resolve("state/r-dedup")).doesNotExist();
            try (Admin admin = f.admin()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("r-dedup")
                        .partitionsToOffsetAndMetadata().get();
                assertThat(committed).containsEntry(new TopicPartition("r.news.articles.raw", 0), new OffsetAndMetadata(0));
            }

            try (StreamsService again = f.start(DedupService::start, dedupSettings)) {
                await().atMost(Duration.ofSeconds(40)).until(() -> f.readAll(topics.duplicates()).size() >= 2 * documents);
            }
            var all = f.readAll(topics.duplicates());
            Map<String, Integer> perArticle = new TreeMap<>();
            all.forEach(s -> perArticle.merge(s.key(), 1, Integer::sum));
            assertThat(perArticle.values()).as("every article decided again").allMatch(n -> n >= 2);
            assertThat(finalDecisions(all)).isEqualTo(first);
        }
    }

    private static Set<String> internalTopics(PipelineFixture f) throws Exception {
        try (Admin admin = f.admin()) {
            return new java.util.TreeSet<>(admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith("r-dedup-") && StreamsReset.looksInternal(t)).toList());
        }
    }

    private static Map<String, String> finalDecisions(List<PipelineFixture.Seen<DuplicateDecision>> decisions) {
        Map<String, String> m = new TreeMap<>();
        decisions.stream().sorted(java.util.Comparator.comparingLong(PipelineFixture.Seen::offset)).forEach(s -> m.put(s.key(),
                s.value().getStatus() + " of " + s.value().getDuplicateOf() + " in " + s.value().getStoryId()));
        return m;
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
