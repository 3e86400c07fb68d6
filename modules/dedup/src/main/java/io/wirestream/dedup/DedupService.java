package io.wirestream.dedup;

import io.wirestream.model.DedupedArticle;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.RawArticle;
import io.wirestream.model.Story;
import io.wirestream.model.topic.Topic;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The dedup service: {@code news.articles.raw} → duplicate decisions, originals and story state.
 *
 * <p>This is step 1 of the design in the architecture: exact duplicates by the hash of the normalised
 * text, repartitioned by that hash so that every copy of a text meets in one task whatever the number
 * of partitions or instances. "Earlier" is event time, then article id; a copy that arrives late but was
 * published first becomes the original and the others get corrections. Near-duplicate detection
 * (MinHash/LSH) is the dedup issue's work and plugs in after this stage.
 */
public final class DedupService {

    public static final String NAME = "dedup";
    public static final String CONTENT_INDEX_STORE = "dedup-content-index";
    public static final String DECISIONS_STORE = "dedup-decisions";

    private DedupService() {
    }

    /** The whole topology, top to bottom. Pure: no I/O, no clock. */
    public static Topology topology(Topics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CONTENT_INDEX_STORE),
                Serdes.String(), topics.stories().valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DECISIONS_STORE),
                Serdes.String(), topics.duplicates().valueSerde()));

        KStream<String, SpecificRecord> outputs = builder
                .stream(topics.articlesRaw().name(), consumed(topics.articlesRaw(), "dedup-articles-source"))
                .selectKey((articleId, article) -> article.getContentHash(), Named.as("dedup-key-by-content-hash"))
                .repartition(Repartitioned.with(topics.articlesRaw().keySerde(), topics.articlesRaw().valueSerde())
                        .withName("dedup-by-content-hash"))
                .process(() -> new ExactDuplicateProcessor(CONTENT_INDEX_STORE, DECISIONS_STORE),
                        Named.as("dedup-exact"), CONTENT_INDEX_STORE, DECISIONS_STORE);

        outputs.split(Named.as("dedup-route-"))
                .branch((k, v) -> v instanceof DuplicateDecision, Branched.withConsumer(s -> s
                        .mapValues(v -> (DuplicateDecision) v, Named.as("dedup-as-decision"))
                        .to(topics.duplicates().name(), produced(topics.duplicates(), "dedup-decisions-sink")),
                        "decisions"))
                .branch((k, v) -> v instanceof DedupedArticle, Branched.withConsumer(s -> s
                        .mapValues(v -> (DedupedArticle) v, Named.as("dedup-as-original"))
                        .to(topics.articlesDeduped().name(), produced(topics.articlesDeduped(), "dedup-originals-sink")),
                        "originals"))
                .branch((k, v) -> v instanceof Story, Branched.withConsumer(s -> s
                        .mapValues(v -> (Story) v, Named.as("dedup-as-story"))
                        .to(topics.stories().name(), produced(topics.stories(), "dedup-stories-sink")),
                        "stories"))
                .noDefaultBranch();
        return builder.build();
    }

    /** Starts the service as a Kafka Streams application. */
    public static StreamsService start(ServiceSettings settings) {
        return StreamsService.start(settings, (s, topics) -> topology(topics));
    }

    private static <V> Consumed<String, V> consumed(Topic<String, V> topic, String name) {
        return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }

    private static <V> Produced<String, V> produced(Topic<String, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }

    /** Event time of an article: published, else ingested. */
    static long eventTime(RawArticle a) {
        return (a.getPublishedAt() != null ? a.getPublishedAt() : a.getIngestedAt()).toEpochMilli();
    }
}
