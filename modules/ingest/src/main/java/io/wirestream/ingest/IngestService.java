package io.wirestream.ingest;

import io.wirestream.ingest.extract.Extractor;
import io.wirestream.model.RawArticle;
import io.wirestream.model.SourceDocument;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The ingest service: {@code news.documents} → extract → {@code news.articles.raw}, keyed by article id,
 * timestamped with the article's event time (published, else fetched). Documents that cannot be
 * extracted go to {@code news.dlq} with the reason (through the runtime's dead-letter handler).
 */
public final class IngestService {

    public static final String NAME = "ingest";

    private IngestService() {
    }

    /** The whole topology, top to bottom. Pure: no I/O, no clock. */
    public static Topology topology(Topics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.documents().name(),
                        Consumed.with(topics.documents().keySerde(), topics.documents().valueSerde())
                                .withName("ingest-documents-source"))
                .process(ExtractProcessor::new, Named.as("ingest-extract"))
                .to(topics.articlesRaw().name(),
                        Produced.with(topics.articlesRaw().keySerde(), topics.articlesRaw().valueSerde())
                                .withName("ingest-articles-raw-sink"));
        return builder.build();
    }

    /** Starts the service as a Kafka Streams application. */
    public static StreamsService start(ServiceSettings settings) {
        return StreamsService.start(settings, (s, topics) -> topology(topics));
    }

    /** Re-keys each document by the id of the article extracted from it. */
    static final class ExtractProcessor implements Processor<String, SourceDocument, String, RawArticle> {
        private final Extractor extractor = new Extractor();
        private ProcessorContext<String, RawArticle> context;

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
            context.forward(new Record<>(article.getArticleId(), article, eventTime, record.headers()));
        }
    }
}
