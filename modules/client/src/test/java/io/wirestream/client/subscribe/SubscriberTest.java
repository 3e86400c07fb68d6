package io.wirestream.client.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wirestream.client.HeaderFilter;
import io.wirestream.devstack.DevStack;
import io.wirestream.devstack.DevStackConfig;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.Story;
import io.wirestream.model.topic.FilterHeaders;
import io.wirestream.model.topic.TopicProvisioner;
import io.wirestream.model.topic.Topics;
import io.wirestream.registry.serde.AvroSerdes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subscriber against a real broker and registry; every test uses its own topic prefix. */
class SubscriberTest {

    /**
     * Yesterday midnight UTC: records stamped years ago would be deleted by the topics' time retention at the
     * broker's first retention check, 30 s after it starts, in the middle of this class.
     */
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
    private static final Duration IDLE = Duration.ofMillis(1500);

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

    /** A fresh set of topics under a new prefix. */
    private static Topics topics(int partitions) {
        return topics("t" + prefixes.incrementAndGet() + ".", partitions);
    }

    private static Topics topics(String prefix, int partitions) {
        Topics topics = Topics.create(new Topics.Settings(prefix, partitions, (short) 1),
                new AvroSerdes(Map.of("schema.registry.url", stack.schemaRegistryUrl())));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            TopicProvisioner.createMissing(admin, topics.all());
        }
        return topics;
    }

    static EnrichedArticle article(String id, String title) {
        return EnrichedArticle.newBuilder().setArticleId(id).setStoryId("story-" + id).setSource("wire")
                .setTitle(title).setBody(title + ".").setIngestedAt(T0).setTagger("test").setTaggedAt(T0).build();
    }

    private static RecordHeaders headers(String regions) {
        RecordHeaders h = new RecordHeaders();
        h.add(FilterHeaders.REGIONS, regions.getBytes(StandardCharsets.UTF_8));
        h.add(FilterHeaders.LANG, "en".getBytes(StandardCharsets.UTF_8));
        return h;
    }

    /** One record to produce: value bytes as given (valid Avro or not). */
    private record Out(String key, byte[] value, String regions, Instant time) {
    }

    private static Out valid(Topics topics, String id, String regions) {
        return validAt(topics, id, regions, null);
    }

    private static Out validAt(Topics topics, String id, String regions, Instant time) {
        byte[] bytes = topics.enriched().valueSerde().serializer().serialize(topics.enriched().name(), article(id, "Title " + id));
        return new Out(id, bytes, regions, time);
    }

    private static Out garbage(String id, String regions) {
        return new Out(id, "this is not Avro".getBytes(StandardCharsets.UTF_8), regions, null);
    }

    private static void produce(String topic, List<Out> records) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (Out o : records) {
                Long ts = o.time() == null ? null : o.time().toEpochMilli();
                p.send(new ProducerRecord<>(topic, null, ts, o.key(), o.value(), headers(o.regions())));
            }
            p.flush();
        }
    }

    private static Subscriber.Builder<EnrichedArticle> subscriber(Topics topics) {
        String prefix = topics.enriched().name().substring(0, topics.enriched().name().length() - Topics.ENRICHED.length());
        return Subscriber.enriched().bootstrapServers(stack.bootstrapServers()).schemaRegistryUrl(stack.schemaRegistryUrl())
                .topicPrefix(prefix);
    }

    /** Ids handled by one run of the subscriber {@code b} describes. */
    private static List<String> ids(Subscriber.Builder<EnrichedArticle> b) {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        try (Subscriber<EnrichedArticle> s = b.onValue(a -> ids.add(a.getArticleId())).build()) {
            s.run();
        }
        return ids;
    }

    @Test
    void recordsWhoseHeadersDoNotMatchAreNeverDeserialised() {
        Topics topics = topics(3);
        produce(topics.enriched().name(), List.of(valid(topics, "a1", "AM,RU"), garbage("x1", "FR"),
                valid(topics, "a2", "AZ"), garbage("x2", "DE,FR"), garbage("x3", ""), valid(topics, "a3", "am")));
        List<UndecodableRecord> errors = new ArrayList<>();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());

        SubscriberStats stats;
        try (Subscriber<EnrichedArticle> s = subscriber(topics).filter(HeaderFilter.none().withRegions(List.of("AM", "AZ")))
                .startAt(StartPosition.earliest()).idleTimeout(IDLE).onUndecodable(errors::add)
                .onValue(a -> ids.add(a.getArticleId())).build()) {
            stats = s.run();
        }

        assertThat(ids).containsExactlyInAnyOrder("a1", "a2", "a3");
        assertThat(errors).isEmpty();
        assertThat(stats).isEqualTo(new SubscriberStats(3, 3, 0));
    }

    @Test
    void aTombstoneReachesTheTombstoneHandlerWhateverTheFilterAndIsSkippedWithoutOne() {
        Topics topics = topics(1);
        produce(topics.enriched().name(), List.of(valid(topics, "a1", "AM"), valid(topics, "c1", "AM"),
                new Out("c1", null, "", null), valid(topics, "a2", "AM")));
        HeaderFilter armenia = HeaderFilter.none().withRegions(List.of("AM"));
        List<String> seen = Collections.synchronizedList(new ArrayList<>());

        SubscriberStats withHandler;
        try (Subscriber<EnrichedArticle> s = subscriber(topics).filter(armenia).startAt(StartPosition.earliest())
                .idleTimeout(IDLE).onValue(a -> seen.add(a.getArticleId()))
                .onTombstone(r -> seen.add("retracted " + r.key() + (r.value() == null ? "" : " with a value"))).build()) {
            withHandler = s.run();
        }
        SubscriberStats without;
        try (Subscriber<EnrichedArticle> s = subscriber(topics).filter(armenia).startAt(StartPosition.earliest())
                .idleTimeout(IDLE).onValue(a -> { }).build()) {
            without = s.run();
        }

        assertThat(seen).containsExactly("a1", "c1", "retracted c1", "a2");
        assertThat(withHandler).isEqualTo(new SubscriberStats(4, 0, 0));
        assertThat(without).isEqualTo(new SubscriberStats(3, 1, 0));
    }

    @Test
    void onlyRecordsWithTheWantedKeysAreDeserialised() {
        Topics topics = topics(2);
        produce(topics.enriched().name(), List.of(valid(topics, "a1", "AM"), garbage("x1", "AM"), valid(topics, "a2", "AM")));
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        List<UndecodableRecord> errors = new ArrayList<>();

        SubscriberStats stats;
        try (Subscriber<EnrichedArticle> s = subscriber(topics).keys(List.of("a1", "a2")).startAt(StartPosition.earliest())
                .idleTimeout(IDLE).onUndecodable(errors::add).onValue(a -> ids.add(a.getArticleId())).build()) {
            stats = s.run();
        }

        assertThat(ids).containsExactlyInAnyOrder("a1", "a2");
        assertThat(errors).as("the non-Avro record's key is not wanted: never decoded").isEmpty();
        assertThat(stats).isEqualTo(new SubscriberStats(2, 1, 0));
    }

    @Test
    void matchingRecordThatCannotBeDeserialisedIsReportedWithItsPositionAndReadingGoesOn() {
        Topics topics = topics(1);
        produce(topics.enriched().name(), List.of(valid(topics, "a1", "AM"), garbage("bad", "AM"), valid(topics, "a2", "AM")));
        List<UndecodableRecord> errors = new ArrayList<>();

        List<String> ids = ids(subscriber(topics).startAt(StartPosition.earliest()).idleTimeout(IDLE).onUndecodable(errors::add));

        assertThat(ids).containsExactly("a1", "a2");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.topic()).isEqualTo(topics.enriched().name());
            assertThat(e.partition()).isZero();
            assertThat(e.offset()).isEqualTo(1);
            assertThat(e.key()).isEqualTo("bad");
            assertThat(e.describe()).startsWith(topics.enriched().name() + "-0@1 (key bad): ");
        });
    }

    @Test
    void groupResumesAfterTheLastHandledRecordAndDeliversNothingTwice() {
        Topics topics = topics(3);
        List<Out> first = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            first.add(valid(topics, "a" + i, "AM"));
        }
        produce(topics.enriched().name(), first);

        List<String> part = ids(subscriber(topics).groupId("resume").startAt(StartPosition.earliest()).maxRecords(3));
        produce(topics.enriched().name(), List.of(valid(topics, "b1", "AM"), valid(topics, "b2", "AM")));
        List<String> rest = ids(subscriber(topics).groupId("resume").startAt(StartPosition.earliest()).idleTimeout(IDLE));

        assertThat(part).hasSize(3);
        List<String> all = new ArrayList<>(part);
        all.addAll(rest);
        assertThat(all).containsExactlyInAnyOrder("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "b1", "b2");
    }

    @Test
    void theGroupRemembersWhereItStartedOnPartitionsItReadNothingFrom() {
        Topics topics = topics(2);
        String topic = topics.enriched().name();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (Out o : List.of(valid(topics, "a1", "AM"), valid(topics, "a2", "AM"))) {
                p.send(new ProducerRecord<>(topic, 0, null, o.key(), o.value(), headers(o.regions())));
            }
            Out b1 = valid(topics, "b1", "AM");
            p.send(new ProducerRecord<>(topic, 1, null, b1.key(), b1.value(), headers(b1.regions())));
        }

        List<String> first = ids(subscriber(topics).groupId("remember").startAt(StartPosition.earliest()).maxRecords(1));
        List<String> rest = ids(subscriber(topics).groupId("remember").idleTimeout(IDLE)); // default start: latest

        List<String> all = new ArrayList<>(first);
        all.addAll(rest);
        assertThat(first).hasSize(1);
        assertThat(all).containsExactlyInAnyOrder("a1", "a2", "b1");
    }

    @Test
    void startPositionAppliesOnlyWhereTheGroupHasNoCommittedOffsetUnlessCommittedOffsetsAreIgnored() {
        Topics topics = topics(2);
        produce(topics.enriched().name(), List.of(valid(topics, "a1", "AM"), valid(topics, "a2", "AM"), valid(topics, "a3", "AM")));
        assertThat(ids(subscriber(topics).groupId("g").startAt(StartPosition.earliest()).idleTimeout(IDLE))).hasSize(3);

        List<String> again = ids(subscriber(topics).groupId("g").startAt(StartPosition.earliest()).idleTimeout(IDLE));
        List<String> forced = ids(subscriber(topics).groupId("g").startAt(StartPosition.earliest()).ignoreCommitted()
                .idleTimeout(IDLE));

        assertThat(again).isEmpty();
        assertThat(forced).containsExactlyInAnyOrder("a1", "a2", "a3");
    }

    @Test
    void startAtATimeOrADurationAgoReadsOnlyRecordsFromThatTimeOn() {
        Topics topics = topics(3);
        List<Out> hourly = new ArrayList<>();
        for (int h = 0; h < 6; h++) {
            hourly.add(validAt(topics, "h" + h, "AM", T0.plus(Duration.ofHours(h))));
        }
        produce(topics.enriched().name(), hourly);

        List<String> fromTime = ids(subscriber(topics).startAt(StartPosition.at(T0.plus(Duration.ofHours(3)))).idleTimeout(IDLE));
        Clock halfPastFive = Clock.fixed(T0.plus(Duration.ofMinutes(5 * 60 + 30)), ZoneOffset.UTC);
        List<String> ago = ids(subscriber(topics).startAt(StartPosition.ago(Duration.ofHours(3))).clock(halfPastFive)
                .idleTimeout(IDLE));
        List<String> future = ids(subscriber(topics).startAt(StartPosition.at(T0.plus(Duration.ofDays(1)))).idleTimeout(IDLE));

        assertThat(fromTime).containsExactlyInAnyOrder("h3", "h4", "h5");
        assertThat(ago).containsExactlyInAnyOrder("h3", "h4", "h5");
        assertThat(future).isEmpty();
    }

    @Test
    void startAtATimeReadsFromThereWhenEveryPartitionHasLaterRecords() {
        Topics topics = topics(1);
        List<Out> hourly = new ArrayList<>();
        for (int h = 0; h < 4; h++) {
            hourly.add(validAt(topics, "h" + h, "AM", T0.plus(Duration.ofHours(h))));
        }
        produce(topics.enriched().name(), hourly);

        List<String> ids = ids(subscriber(topics).startAt(StartPosition.at(T0.plus(Duration.ofHours(2)))).idleTimeout(IDLE));

        assertThat(ids).containsExactly("h2", "h3");
    }

    @Test
    void startTimeIsHeldOnTransactionalTopicsWhereTheLookupLandsOnACommitMarkerAndAbortedRecordsNeverShow() {
        Topics topics = topics(1);
        String topic = topics.enriched().name();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + topic);
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            p.initTransactions();
            for (Out o : List.of(validAt(topics, "a", "AM", T0), validAt(topics, "b", "AM", T0.plus(Duration.ofHours(1))),
                    validAt(topics, "c", "AM", T0.plus(Duration.ofHours(3))))) {
                p.beginTransaction();
                p.send(new ProducerRecord<>(topic, 0, o.time().toEpochMilli(), o.key(), o.value(), headers(o.regions())));
                p.commitTransaction();
            }
            Out aborted = validAt(topics, "aborted", "AM", T0.plus(Duration.ofHours(4)));
            p.beginTransaction();
            p.send(new ProducerRecord<>(topic, 0, aborted.time().toEpochMilli(), aborted.key(), aborted.value(),
                    headers(aborted.regions())));
            p.flush();
            p.abortTransaction();
        }
        Instant start = T0.plus(Duration.ofHours(2));
        TopicPartition tp = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            // the premise: the broker's lookup lands on the first commit marker (wall-clock stamped), before b
            assertThat(c.offsetsForTimes(Map.of(tp, start.toEpochMilli())).get(tp).offset()).isLessThan(2);
        }

        SubscriberStats[] stats = new SubscriberStats[1];
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        try (Subscriber<EnrichedArticle> s = subscriber(topics).startAt(StartPosition.at(start)).idleTimeout(IDLE)
                .onValue(a -> ids.add(a.getArticleId())).build()) {
            stats[0] = s.run();
        }

        assertThat(ids).containsExactly("c");
        assertThat(stats[0]).isEqualTo(new SubscriberStats(1, 1, 0));
    }

    @Test
    void closeFromAnotherThreadStopsTheRunAndCommitsWhatWasHandled() throws Exception {
        Topics topics = topics(2);
        produce(topics.enriched().name(), List.of(valid(topics, "a1", "AM"), valid(topics, "a2", "AM")));
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        Subscriber<EnrichedArticle> s = subscriber(topics).groupId("closing").startAt(StartPosition.earliest())
                .onValue(a -> ids.add(a.getArticleId())).build();
        CompletableFuture<SubscriberStats> run = CompletableFuture.supplyAsync(s::run);

        await().atMost(Duration.ofSeconds(20)).until(() -> ids.size() == 2);
        s.close();

        assertThat(run.get().matched()).isEqualTo(2);
        assertThat(ids(subscriber(topics).groupId("closing").startAt(StartPosition.earliest()).idleTimeout(IDLE))).isEmpty();
    }

    @Test
    void handlerFailureStopsWithTheRecordsPositionAndTheRecordIsDeliveredAgain() {
        Topics topics = topics(1);
        produce(topics.enriched().name(), List.of(valid(topics, "a1", "AM"), valid(topics, "boom", "AM"), valid(topics, "a2", "AM")));
        List<String> seen = new ArrayList<>();
        Subscriber<EnrichedArticle> failing = subscriber(topics).groupId("fails").startAt(StartPosition.earliest())
                .onValue(a -> {
                    if (a.getArticleId().equals("boom")) {
                        throw new IllegalStateException("handler broke");
                    }
                    seen.add(a.getArticleId());
                }).build();

        assertThatThrownBy(failing::run).isInstanceOf(SubscriberException.class)
                .hasMessageContaining(topics.enriched().name() + "-0@1 (key boom): handler broke");
        List<String> next = ids(subscriber(topics).groupId("fails").startAt(StartPosition.earliest()).idleTimeout(IDLE));

        assertThat(seen).containsExactly("a1");
        assertThat(next).containsExactly("boom", "a2");
    }

    @Test
    void readsOtherTopicsIntoTheirOwnValueClass() {
        Topics topics = topics(1);
        Story story = Story.newBuilder().setStoryId("s1").setFirstArticleId("a1").setTitle("Talks").setMemberCount(3)
                .setFirstSeen(T0).setLastSeen(T0).build();
        byte[] bytes = topics.stories().valueSerde().serializer().serialize(topics.stories().name(), story);
        produce(topics.stories().name(), List.of(new Out("s1", bytes, "AM", null)));
        List<Received<Story>> got = new ArrayList<>();

        try (Subscriber<Story> s = Subscriber.builder(Story.class).bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl()).topics(topics.stories().name())
                .startAt(StartPosition.earliest()).idleTimeout(IDLE).handler(got::add).build()) {
            s.run();
        }

        assertThat(got).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo(story);
            assertThat(r.key()).isEqualTo("s1");
            assertThat(r.topic()).isEqualTo(topics.stories().name());
            assertThat(r.header(FilterHeaders.REGIONS)).isEqualTo("AM");
        });
    }

    @Test
    void readmeExampleFollowsEnglishArticlesAboutArmeniaOrAzerbaijan() throws Exception {
        Topics topics = topics("", 2); // the example reads the unprefixed topic; no other test uses it
        produce(topics.enriched().name(), List.of(valid(topics, "a1", "AM,RU"), valid(topics, "f1", "FR"),
                valid(topics, "a2", "AZ")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Subscriber<EnrichedArticle> desk = CaucasusDesk.caucasusDesk(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        CompletableFuture<SubscriberStats> run = CompletableFuture.supplyAsync(desk::run);

        await().atMost(Duration.ofSeconds(20)).until(() -> bytes.toString(StandardCharsets.UTF_8).lines().count() >= 2);
        desk.close();

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains(" Title a1 (actors: "))
                .anySatisfy(l -> assertThat(l).contains(" Title a2 (actors: "));
        assertThat(run.get()).isEqualTo(new SubscriberStats(2, 1, 0));
    }

    @Test
    void missingTopicIsAClearError() {
        Subscriber<EnrichedArticle> s = Subscriber.enriched().bootstrapServers(stack.bootstrapServers())
                .schemaRegistryUrl(stack.schemaRegistryUrl()).topicPrefix("nothing.here.").onValue(a -> { }).build();

        assertThatThrownBy(s::run).isInstanceOf(SubscriberException.class)
                .hasMessageContaining("topic nothing.here.news.events.enriched does not exist");
    }

    @Test
    void storyCountsFollowTheStoriesTopicIncludingMerges() {
        Topics topics = topics(2);
        var serializer = topics.stories().valueSerde().serializer();
        String name = topics.stories().name();
        Story s1 = Story.newBuilder().setStoryId("s1").setFirstArticleId("a1").setTitle("Talks").setMemberCount(4)
                .setFirstSeen(T0).setLastSeen(T0).build();
        Story s2 = Story.newBuilder(s1).setStoryId("s2").setFirstArticleId("a9").setMemberCount(1).setMergedInto("s1").build();
        produce(name, List.of(new Out("s1", serializer.serialize(name, s1), "", null),
                new Out("s2", serializer.serialize(name, s2), "", null)));

        try (StoryCounts counts = StoryCounts.start(stack.bootstrapServers(), Map.of("schema.registry.url",
                stack.schemaRegistryUrl()), Map.of(), name, Duration.ofSeconds(20))) {
            assertThat(counts.duplicates("s1")).hasValue(3);
            assertThat(counts.duplicates("s2")).hasValue(3);
            assertThat(counts.duplicates("unknown")).isEmpty();

            Story grown = Story.newBuilder(s1).setMemberCount(6).build();
            produce(name, List.of(new Out("s1", serializer.serialize(name, grown), "", null)));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(counts.duplicates("s1")).hasValue(5));
        }
    }
}
