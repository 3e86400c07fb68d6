package io.wirestream.dedup.stream;

import io.wirestream.dedup.core.DedupConfig;
import io.wirestream.model.DedupedArticle;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.topic.Topic;
import io.wirestream.model.topic.Topics;
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
 * The dedup topology, top to bottom:
 *
 * <pre>
 * news.articles.raw ─┐                                 ┌─▶ news.articles.duplicates
 *                    ├─▶ dedup-article-side ───────────┼─▶ news.articles.deduped (tombstone: an original retracted)
 * &lt;app&gt;-dedup-signals ┘   (stores dedup-articles,       ├─▶ [dedup-by-bucket] ─▶ dedup-bucket-side (store dedup-band-index) ─▶ &lt;app&gt;-dedup-signals
 *                       dedup-article-bodies,          ├─▶ &lt;app&gt;-dedup-signals (story questions and answers)
 *                       dedup-article-shingles,        │
 *                       dedup-pending-originals)       │
 *                                                      └─▶ [dedup-story-deltas] ─▶ dedup-story-side (store dedup-story-members) ─▶ news.stories
 * </pre>
 *
 * The signals topic closes a loop from the bucket side back to the article side; it must have as many
 * partitions as the raw topic. Pure: no I/O, no clock.
 */
public final class DedupTopology {

    public static final String ARTICLES_STORE = "dedup-articles";
    public static final String BAND_INDEX_STORE = "dedup-band-index";
    public static final String STORY_STORE = "dedup-story-members";
    public static final String PENDING_STORE = "dedup-pending-originals";
    public static final String BODIES_STORE = "dedup-article-bodies";
    public static final String SHINGLES_STORE = "dedup-article-shingles";

    private DedupTopology() {
    }

    public static Topology build(DedupConfig config, Topics topics, String signalsTopic) {
        // Only the stores rewritten within a commit are cached: an article's state is rewritten once per signal (each
        // bucket partition's answer, each verification and story signal), and the cache folds those writes into one
        // RocksDB put and one changelog record per commit. Caching every store (5eb2a90), measured with `wirestream
        // bench --articles 3000`: 93 -> 124 articles/s, 20 -> 15 ms of CPU per article.
        // The article, its shingle set and the band index are written once per key (a bucket gets a second member
        // rarely within a commit) and not cached: in the shared cache they only pushed the article states out, and an
        // eviction that meets a dirty entry flushes its whole store (a profile found 14 % of the dedup thread there).
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLES_STORE),
                Serdes.String(), ArticleState.SERDE).withCachingEnabled());
        // The article and its shingle set never change: stores of their own, written once, so that the rewrites of the
        // article state stay small. Measured with `wirestream bench --articles 3000`: docs/perf/README.md, "Earlier rounds".
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BODIES_STORE),
                Serdes.String(), ArticleState.BODY_SERDE).withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SHINGLES_STORE),
                Serdes.String(), ArticleState.SHINGLES_SERDE).withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BAND_INDEX_STORE),
                Serdes.String(), Buckets.SERDE).withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORY_STORE),
                Serdes.String(), StoryState.SERDE).withCachingEnabled());

        KStream<String, Object> articles = builder
                .stream(topics.articlesRaw().name(), consumed(topics.articlesRaw(), "dedup-articles-source"))
                .mapValues(v -> (Object) v, Named.as("dedup-articles-as-input"));
        KStream<String, Object> signals = builder
                .stream(signalsTopic, Consumed.with(Serdes.String(), Signal.SERDE).withName("dedup-signals-source"))
                .mapValues(v -> (Object) v, Named.as("dedup-signals-as-input"));

        articles.merge(signals, Named.as("dedup-article-inputs"))
                .process(() -> new ArticleProcessor(config, ARTICLES_STORE, PENDING_STORE, BODIES_STORE, SHINGLES_STORE,
                                topics.articlesRaw().partitions()),
                        Named.as("dedup-article-side"), ARTICLES_STORE, PENDING_STORE, BODIES_STORE, SHINGLES_STORE)
                .split(Named.as("dedup-route-"))
                .branch((k, v) -> v instanceof DuplicateDecision, Branched.withConsumer(s -> s
                        .mapValues(v -> (DuplicateDecision) v, Named.as("dedup-as-decision"))
                        .to(topics.duplicates().name(), produced(topics.duplicates(), "dedup-decisions-sink")), "decisions"))
                .branch((k, v) -> v instanceof DedupedArticle || v instanceof Retraction, Branched.withConsumer(s -> s
                        .mapValues(v -> v instanceof DedupedArticle d ? d : null, Named.as("dedup-as-original"))
                        .to(topics.articlesDeduped().name(), produced(topics.articlesDeduped(), "dedup-originals-sink")), "originals"))
                .branch((k, v) -> v instanceof BandRecord, Branched.withConsumer(s -> s
                        .mapValues(v -> (BandRecord) v, Named.as("dedup-as-band-record"))
                        .repartition(Repartitioned.with(Serdes.String(), BandRecord.SERDE).withName("dedup-by-bucket")
                                .withStreamPartitioner(BandRecord.PARTITIONER))
                        .process(() -> new BucketProcessor(config, BAND_INDEX_STORE), Named.as("dedup-bucket-side"), BAND_INDEX_STORE)
                        .to(signalsTopic, Produced.with(Serdes.String(), Signal.SERDE).withName("dedup-bucket-signals-sink")), "bands"))
                .branch((k, v) -> v instanceof Signal, Branched.withConsumer(s -> s
                        .mapValues(v -> (Signal) v, Named.as("dedup-as-signal"))
                        .to(signalsTopic, Produced.with(Serdes.String(), Signal.SERDE).withName("dedup-article-signals-sink")), "signals"))
                .branch((k, v) -> v instanceof StoryDelta, Branched.withConsumer(s -> s
                        .mapValues(v -> (StoryDelta) v, Named.as("dedup-as-story-delta"))
                        .repartition(Repartitioned.with(Serdes.String(), StoryDelta.SERDE).withName("dedup-story-deltas"))
                        .process(() -> new StoryProcessor(STORY_STORE), Named.as("dedup-story-side"), STORY_STORE)
                        .to(topics.stories().name(), produced(topics.stories(), "dedup-stories-sink")), "stories"))
                .noDefaultBranch();
        return builder.build();
    }

    private static <V> Consumed<String, V> consumed(Topic<String, V> topic, String name) {
        return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }

    private static <V> Produced<String, V> produced(Topic<String, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
