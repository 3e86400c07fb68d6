package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackConfig;
import io.wirestream.model.ActorKind;
import io.wirestream.model.ActorTag;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.Story;
import io.wirestream.model.topic.FilterHeaders;
import io.wirestream.model.topic.TopicProvisioner;
import io.wirestream.model.topic.Topics;
import io.wirestream.registry.serde.AvroSerdes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailCommandTest {

    /**
     * Yesterday (UTC): records stamped years ago would be deleted by the topics' time retention at the broker's
     * first retention check, 30 s after it starts.
     */
    private static final String DAY = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    private static final Instant T0 = Instant.parse(DAY + "T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static DevStack stack;
    private static final AtomicInteger prefixes = new AtomicInteger();

    @BeforeAll
    static void start() {
        stack = DevStack.start(DevStackConfig.defaults().withDataDir(dir.resolve("stack")));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    // --- option parsing, no broker needed ---

    @Test
    void startOptionsAreMutuallyExclusive() {
        CliRun r = CliRun.of("tail", "--from-beginning", "--since", "2h");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("mutually exclusive");
    }

    @Test
    void badTimesAndDurationsAreUsageErrorsNamingTheOption() {
        CliRun since = CliRun.of("tail", "--since", "2 hours");
        CliRun from = CliRun.of("tail", "--from", DAY + "T00:00");
        CliRun idle = CliRun.of("tail", "--idle-timeout", "0s");

        assertThat(since.exit()).isEqualTo(2);
        assertThat(since.err()).contains("--since").contains("'2 hours' is not a duration");
        assertThat(from.exit()).isEqualTo(2);
        assertThat(from.err()).contains("--from").contains("has no time zone");
        assertThat(idle.exit()).isEqualTo(2);
        assertThat(idle.err()).contains("--idle-timeout").contains("must be positive");
    }

    @Test
    void unknownTopicIgnoreCommittedWithoutGroupAndZeroMaxAreUsageErrors() {
        assertThat(CliRun.of("tail", "news.nothing").err()).contains("unknown topic 'news.nothing'").contains("news.stories");
        assertThat(CliRun.of("tail", "--ignore-committed").err()).contains("--ignore-committed needs --group");
        assertThat(CliRun.of("tail", "--max", "0").exit()).isEqualTo(2);
        assertThat(CliRun.of("tail", "--format", "xml").exit()).isEqualTo(2);
    }

    @Test
    void missingConnectionSettingsAreAClearError() {
        CliRun r = CliRun.of("tail", "--config", dir.resolve("none.properties").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot read --config");
    }

    // --- on the embedded broker ---

    private record Fixture(Topics topics, String prefix) {
        String enriched() {
            return topics.enriched().name();
        }
    }

    private static Fixture fixture() {
        String prefix = "tail" + prefixes.incrementAndGet() + ".";
        Topics topics = Topics.create(new Topics.Settings(prefix, 3, (short) 1),
                new AvroSerdes(Map.of("schema.registry.url", stack.schemaRegistryUrl())));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            TopicProvisioner.createMissing(admin, topics.all());
        }
        return new Fixture(topics, prefix);
    }

    private static CliRun tail(Fixture f, String... args) {
        List<String> all = new ArrayList<>(List.of("tail", "--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry-url", stack.schemaRegistryUrl(), "--topic-prefix", f.prefix()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static EnrichedArticle article(String id, String story, String focus, Instant published, String... actors) {
        List<ActorTag> tags = new ArrayList<>();
        for (String name : actors) {
            tags.add(ActorTag.newBuilder().setId(name.toLowerCase().replace(' ', '-')).setName(name)
                    .setKind(ActorKind.PERSON).setConfidence(0.9).setMentionCount(1).setRule("test").build());
        }
        return EnrichedArticle.newBuilder().setArticleId(id).setStoryId(story).setSource("wire").setTitle("Title " + id)
                .setBody("Body of " + id).setPublishedAt(published).setFocusRegion(focus).setActors(tags).setIngestedAt(T0)
                .setTagger("test").setTaggedAt(T0).build();
    }

    /** A record to send: value bytes (valid Avro or not), headers regions/actors/lang, timestamp. */
    private record Out(String key, byte[] value, String regions, String actors, Instant time) {
    }

    private static Out enriched(Fixture f, EnrichedArticle a, String regions, String actors, Instant time) {
        return new Out(a.getArticleId(), f.topics().enriched().valueSerde().serializer().serialize(f.enriched(), a),
                regions, actors, time);
    }

    private static Out simple(Fixture f, String id, String regions) {
        return enriched(f, article(id, "s-" + id, "AM", T0), regions, "", null);
    }

    private static void produce(String topic, List<Out> records) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (Out o : records) {
                RecordHeaders h = new RecordHeaders();
                h.add(FilterHeaders.REGIONS, o.regions().getBytes(StandardCharsets.UTF_8));
                h.add(FilterHeaders.ACTORS, o.actors().getBytes(StandardCharsets.UTF_8));
                h.add(FilterHeaders.LANG, "en".getBytes(StandardCharsets.UTF_8));
                p.send(new ProducerRecord<>(topic, null, o.time() == null ? null : o.time().toEpochMilli(), o.key(),
                        o.value(), h));
            }
            p.flush();
        }
    }

    private static List<String> titles(CliRun r) {
        return r.outLines().stream().map(l -> l.replaceAll(".*(Title \\S+).*", "$1")).toList();
    }

    @Test
    void recordsFilteredOutByHeadersAreNeverDeserialisedAndMatchingOnesAreShown() {
        Fixture f = fixture();
        byte[] notAvro = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);
        produce(f.enriched(), List.of(
                enriched(f, article("a1", "s1", "AM", T0, "Vladimir Putin"), "AM,RU", "vladimir-putin", null),
                new Out("x1", notAvro, "FR", "emmanuel-macron", null),
                enriched(f, article("a2", "s2", "AZ", T0), "AZ", "", null),
                new Out("x2", notAvro, "DE", "vladimir-putin", null),
                new Out("x3", notAvro, "", "", null)));

        CliRun r = tail(f, "--region", "AM,AZ", "--from-beginning", "--idle-timeout", "2s");

        assertThat(r.exit()).isZero();
        assertThat(titles(r)).containsExactlyInAnyOrder("Title a1", "Title a2");
        assertThat(r.err()).doesNotContain("cannot be deserialised");
        assertThat(r.errLines()).last().isEqualTo("shown 2, skipped by filter 3");
        CliRun byActor = tail(f, "--actor", "putin", "--region", "AM", "--from-beginning", "--idle-timeout", "2s");
        assertThat(titles(byActor)).containsExactly("Title a1");
    }

    @Test
    void matchingRecordThatIsNotAvroIsReportedAndTheTailGoesOn() {
        Fixture f = fixture();
        produce(f.enriched(), List.of(new Out("k", "garbage".getBytes(StandardCharsets.UTF_8), "AM", "", null),
                enriched(f, article("k", "s1", "AM", T0), "AM", "", null)));

        CliRun r = tail(f, "--from-beginning", "--idle-timeout", "2s");

        assertThat(r.exit()).isZero();
        assertThat(titles(r)).containsExactly("Title k");
        assertThat(r.err()).contains("skipped a record that cannot be deserialised: " + f.enriched() + "-");
        assertThat(r.errLines()).last().isEqualTo("shown 1, skipped by filter 0, undecodable 1");
    }

    @Test
    void prettyLineShowsTheStorysDuplicateCountFromNewsStories() {
        Fixture f = fixture();
        String stories = f.topics().stories().name();
        Story story = Story.newBuilder().setStoryId("s1").setFirstArticleId("a1").setTitle("Title a1").setMemberCount(3)
                .setFirstSeen(T0).setLastSeen(T0).build();
        produce(stories, List.of(new Out("s1", f.topics().stories().valueSerde().serializer().serialize(stories, story), "", "", null)));
        produce(f.enriched(), List.of(
                enriched(f, article("a1", "s1", "AM", Instant.parse(DAY + "T08:14:00Z"), "Nikol Pashinyan", "Ilham Aliyev"),
                        "AM,AZ", "", null),
                enriched(f, article("a2", "s2", null, null), "", "", Instant.parse(DAY + "T09:00:00Z"))));

        CliRun r = tail(f, "--from-beginning", "--idle-timeout", "2s");

        assertThat(r.outLines()).containsExactlyInAnyOrder(
                DAY + " 08:14Z  AM  Title a1  [Nikol Pashinyan, Ilham Aliyev]  story=s1 dups=2",
                DAY + " 09:00Z  --  Title a2  story=s2 dups=?");
    }

    @Test
    void jsonLinesParseAndCarryTheRecordFields() throws Exception {
        Fixture f = fixture();
        produce(f.enriched(), List.of(enriched(f, article("a1", "s1", "AM", Instant.parse(DAY + "T08:14:00Z"),
                "Nikol Pashinyan"), "AM", "", null), simple(f, "a2", "AM")));

        CliRun r = tail(f, "--from-beginning", "--format", "json", "--max", "2");

        assertThat(r.outLines()).hasSize(2);
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : r.outLines()) {
            nodes.add(JSON.readTree(line));
        }
        JsonNode a1 = nodes.stream().filter(n -> n.get("articleId").asText().equals("a1")).findFirst().orElseThrow();
        assertThat(a1.get("title").asText()).isEqualTo("Title a1");
        assertThat(a1.get("focusRegion").asText()).isEqualTo("AM");
        assertThat(a1.get("publishedAt").asText()).isEqualTo(DAY + "T08:14:00Z");
        assertThat(a1.get("actors").get(0).get("name").asText()).isEqualTo("Nikol Pashinyan");
        assertThat(a1.get("actors").get(0).get("kind").asText()).isEqualTo("PERSON");
        assertThat(a1.get("url").isNull()).isTrue();
    }

    @Test
    void aGroupResumesWhereItStoppedAndShowsNothingTwice() {
        Fixture f = fixture();
        List<Out> first = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            first.add(simple(f, "a" + i, "AM"));
        }
        produce(f.enriched(), first);

        CliRun part = tail(f, "--group", "desk", "--from-beginning", "--max", "3");
        produce(f.enriched(), List.of(simple(f, "b1", "AM"), simple(f, "b2", "AM")));
        CliRun rest = tail(f, "--group", "desk", "--idle-timeout", "2s"); // resumes everywhere, also without a start option
        CliRun again = tail(f, "--group", "desk", "--from-beginning", "--idle-timeout", "2s");
        CliRun forced = tail(f, "--group", "desk", "--from-beginning", "--ignore-committed", "--idle-timeout", "2s");

        assertThat(part.outLines()).hasSize(3);
        List<String> all = new ArrayList<>(titles(part));
        all.addAll(titles(rest));
        assertThat(all).containsExactlyInAnyOrder("Title a0", "Title a1", "Title a2", "Title a3", "Title a4", "Title a5",
                "Title a6", "Title b1", "Title b2");
        assertThat(again.outLines()).isEmpty();
        assertThat(again.errLines()).last().isEqualTo("shown 0, skipped by filter 0");
        assertThat(forced.outLines()).hasSize(9);
    }

    @Test
    void fromAndSinceStartAtRecordTimestamps() {
        Fixture f = fixture();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Out> records = new ArrayList<>();
        for (int h = 0; h < 4; h++) {
            records.add(enriched(f, article("old" + h, "s", "AM", null), "AM", "", T0.plus(Duration.ofHours(h))));
        }
        records.add(enriched(f, article("recent1", "s", "AM", null), "AM", "", now.minus(Duration.ofHours(3))));
        records.add(enriched(f, article("recent2", "s", "AM", null), "AM", "", now.minus(Duration.ofMinutes(30))));
        produce(f.enriched(), records);

        CliRun from = tail(f, "--from", DAY + "T02:00Z", "--idle-timeout", "2s");
        CliRun since = tail(f, "--since", "1h", "--idle-timeout", "2s");

        assertThat(titles(from)).as(from.err()).containsExactlyInAnyOrder("Title old2", "Title old3", "Title recent1", "Title recent2");
        assertThat(titles(since)).containsExactly("Title recent2");
    }

    @Test
    void otherTopicsTailIntoTheirOwnRecordType() {
        Fixture f = fixture();
        String stories = f.topics().stories().name();
        Story story = Story.newBuilder().setStoryId("s9").setFirstArticleId("a9").setTitle("Ceasefire talks").setMemberCount(2)
                .setFirstSeen(T0).setLastSeen(T0).build();
        produce(stories, List.of(new Out("s9", f.topics().stories().valueSerde().serializer().serialize(stories, story), "", "",
                Instant.parse(DAY + "T05:00:00Z"))));

        CliRun r = tail(f, "news.stories", "--from-beginning", "--max", "1");

        assertThat(r.outLines()).containsExactly(DAY + " 05:00Z  s9  Ceasefire talks");
    }

    @Test
    void missingTopicIsAnErrorWithASummary() {
        CliRun r = CliRun.of("tail", "--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url",
                stack.schemaRegistryUrl(), "--topic-prefix", "absent.", "--no-dup-counts");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("topic absent.news.events.enriched does not exist");
        assertThat(r.errLines()).last().isEqualTo("shown 0, skipped by filter 0");
    }
}
