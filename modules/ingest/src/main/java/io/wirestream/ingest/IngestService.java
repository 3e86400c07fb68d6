package io.wirestream.ingest;

import io.wirestream.ingest.clean.Boilerplate;
import io.wirestream.ingest.extract.Extractor;
import io.wirestream.ingest.extract.ExtractorConfig;
import io.wirestream.model.RawArticle;
import io.wirestream.model.SourceDocument;
import io.wirestream.model.topic.FilterHeaders;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import io.wirestream.text.Hashing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The ingest service, top to bottom:
 *
 * <pre>
 * news.documents → ingest-extract (document → article, keyed by source)
 *   → [ingest-by-source] → ingest-boilerplate (store ingest-boilerplate: per-source repeated paragraphs, removed)
 *   → [ingest-by-article] → ingest-revisions (store ingest-revisions: changed text at the same id = next revision)
 *   → news.articles.raw (keyed by article id, timestamped with the event time)
 * </pre>
 *
 * Documents that cannot be extracted go to {@code news.dlq} with the reason (the runtime's dead-letter
 * handler). The article id comes from the extracted (pre-boilerplate) text or the canonical URL, so it is
 * stable while the boilerplate model learns; the content hash is of the cleaned text.
 */
public final class IngestService {

    public static final String NAME = "ingest";
    public static final String BOILERPLATE_STORE = "ingest-boilerplate";
    public static final String REVISIONS_STORE = "ingest-revisions";

    private IngestService() {
    }

    /** The whole topology, top to bottom. Pure: no I/O, no clock. */
    public static Topology topology(IngestConfig config, Topics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BOILERPLATE_STORE),
                Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REVISIONS_STORE),
                Serdes.String(), Serdes.ByteArray()));
        var raw = topics.articlesRaw();
        builder.stream(topics.documents().name(),
                        Consumed.with(topics.documents().keySerde(), topics.documents().valueSerde())
                                .withName("ingest-documents-source"))
                .process(() -> new ExtractProcessor(config.extractor()), Named.as("ingest-extract"))
                .repartition(Repartitioned.with(raw.keySerde(), raw.valueSerde()).withName("ingest-by-source"))
                .processValues(() -> new BoilerplateProcessor(config), Named.as("ingest-boilerplate"), BOILERPLATE_STORE)
                .selectKey((source, article) -> article.getArticleId(), Named.as("ingest-key-by-article"))
                .repartition(Repartitioned.with(raw.keySerde(), raw.valueSerde()).withName("ingest-by-article"))
                .processValues(RevisionProcessor::new, Named.as("ingest-revisions"), REVISIONS_STORE)
                .to(raw.name(), Produced.with(raw.keySerde(), raw.valueSerde()).withName("ingest-articles-raw-sink"));
        return builder.build();
    }

    /** Starts the service as a Kafka Streams application. */
    public static StreamsService start(ServiceSettings settings) {
        IngestConfig config = IngestConfig.parse(settings.serviceOverrides());
        return StreamsService.start(settings, (s, topics) -> topology(config, topics));
    }

    /** The key under which a source's boilerplate is learned: the publisher when known, else the source. */
    static String boilerplateKey(RawArticle a) {
        return a.getPublisher() != null && !a.getPublisher().isBlank() ? a.getPublisher() : a.getSource();
    }

    /** Extracts each document and keys the article by its source, at its event time. */
    static final class ExtractProcessor implements Processor<String, SourceDocument, String, RawArticle> {
        private final Extractor extractor;
        private ProcessorContext<String, RawArticle> context;

        ExtractProcessor(ExtractorConfig config) {
            this.extractor = new Extractor(config);
        }

        @Override
        public void init(ProcessorContext<String, RawArticle> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, SourceDocument> record) {
            if (record.value() == null) {
                throw new IllegalArgumentException("document " + record.key() + " has no value (tombstone)");
            }
            RawArticle article = extractor.extract(record.value());
            long eventTime = (article.getPublishedAt() != null ? article.getPublishedAt() : article.getIngestedAt())
                    .toEpochMilli();
            context.forward(new Record<>(boilerplateKey(article), article, eventTime, record.headers()));
        }
    }

    /**
     * Learns the source's repeated paragraphs and removes them from the body. The store holds one entry per
     * (source, paragraph); entries not seen for {@code boilerplateExpiry} of stream time are dropped hourly.
     */
    static final class BoilerplateProcessor implements FixedKeyProcessor<String, RawArticle, RawArticle> {
        private final IngestConfig config;
        private FixedKeyProcessorContext<String, RawArticle> context;
        private KeyValueStore<String, byte[]> store;

        BoilerplateProcessor(IngestConfig config) {
            this.config = config;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, RawArticle> context) {
            this.context = context;
            this.store = context.getStateStore(BOILERPLATE_STORE);
            context.schedule(java.time.Duration.ofHours(1), org.apache.kafka.streams.processor.PunctuationType.STREAM_TIME,
                    this::expire);
        }

        @Override
        public void process(FixedKeyRecord<String, RawArticle> record) {
            RawArticle a = record.value();
            String prefix = record.key() + "|";
            Boilerplate.Counts counts = new Boilerplate.Counts() {
                @Override
                public long[] get(long hash) {
                    byte[] v = store.get(prefix + Long.toHexString(hash));
                    if (v == null) {
                        return null;
                    }
                    ByteBuffer b = ByteBuffer.wrap(v);
                    return new long[] {b.getLong(), b.getLong(), b.getLong()};
                }

                @Override
                public void put(long hash, long[] stats) {
                    store.put(prefix + Long.toHexString(hash),
                            ByteBuffer.allocate(24).putLong(stats[0]).putLong(stats[1]).putLong(stats[2]).array());
                }
            };
            Boilerplate.Cleaned cleaned = Boilerplate.learnAndClean(counts, a.getArticleId(), a.getBody(),
                    config.boilerplateMinArticles(), record.timestamp());
            if (cleaned.removedParagraphs() > 0) {
                a = RawArticle.newBuilder(a).setBody(cleaned.body())
                        .setContentHash(Hashing.contentHash(a.getTitle(), cleaned.body())).build();
            }
            context.forward(record.withValue(a));
        }

        private void expire(long streamTime) {
            long oldest = streamTime - config.boilerplateExpiry().toMillis();
            try (var it = store.all()) {
                while (it.hasNext()) {
                    var kv = it.next();
                    if (ByteBuffer.wrap(kv.value).getLong(16) < oldest) {
                        store.delete(kv.key);
                    }
                }
            }
        }
    }

    /** Numbers revisions: the same id with changed text is the next revision; the same text keeps its number. */
    static final class RevisionProcessor implements FixedKeyProcessor<String, RawArticle, RawArticle> {
        private FixedKeyProcessorContext<String, RawArticle> context;
        private KeyValueStore<String, byte[]> store;

        @Override
        public void init(FixedKeyProcessorContext<String, RawArticle> context) {
            this.context = context;
            this.store = context.getStateStore(REVISIONS_STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, RawArticle> record) {
            RawArticle a = record.value();
            long hash = Hashing.prefix64(a.getContentHash());
            byte[] stored = store.get(record.key());
            int revision = a.getRevision();
            if (stored != null) {
                ByteBuffer b = ByteBuffer.wrap(stored);
                long lastHash = b.getLong();
                int lastRevision = b.getInt();
                revision = lastHash == hash ? lastRevision : Math.max(lastRevision + 1, revision);
            }
            store.put(record.key(), ByteBuffer.allocate(12).putLong(hash).putInt(revision).array());
            if (revision != a.getRevision()) {
                a = RawArticle.newBuilder(a).setRevision(revision).build();
            }
            // The filter headers known at this stage, so that a replay of the archive can filter by them.
            Headers headers = record.headers();
            set(headers, FilterHeaders.SOURCE, a.getSource());
            set(headers, FilterHeaders.LANG, a.getLanguage() == null ? "" : a.getLanguage());
            context.forward(record.withValue(a).withHeaders(headers));
        }

        private static void set(Headers headers, String key, String value) {
            headers.remove(key);
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
