package io.wirestream.tagger;

import io.wirestream.model.DedupedArticle;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.topic.FilterHeaders;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The tagger service: {@code news.articles.deduped} → regions and actors → {@code news.events.enriched},
 * with the {@link FilterHeaders} ({@code regions}: distinct country codes, {@code actors}, {@code kinds}, {@code lang},
 * {@code source}, {@code story}) so that subscribers can filter without deserialising.
 */
public final class TaggerService {

    public static final String NAME = "tagger";
    public static final String HEADER_REGIONS = FilterHeaders.REGIONS;
    public static final String HEADER_ACTORS = FilterHeaders.ACTORS;
    public static final String HEADER_LANG = FilterHeaders.LANG;

    private TaggerService() {
    }

    /** The whole topology, top to bottom. Pure: no I/O, no clock. */
    public static Topology topology(Topics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.articlesDeduped().name(),
                        Consumed.with(topics.articlesDeduped().keySerde(), topics.articlesDeduped().valueSerde())
                                .withName("tagger-originals-source"))
                .processValues(TagProcessor::new, Named.as("tagger-tag"))
                .to(topics.enriched().name(), Produced.with(topics.enriched().keySerde(), topics.enriched().valueSerde())
                        .withName("tagger-enriched-sink"));
        return builder.build();
    }

    /** Starts the service as a Kafka Streams application. */
    public static StreamsService start(ServiceSettings settings) {
        return StreamsService.start(settings, (s, topics) -> topology(topics));
    }

    /** Tags one article and sets the filtering headers. */
    static final class TagProcessor implements FixedKeyProcessor<String, DedupedArticle, EnrichedArticle> {
        private final Tagger tagger = Tagger.shared();
        private FixedKeyProcessorContext<String, EnrichedArticle> context;

        @Override
        public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, DedupedArticle> record) {
            if (record.value() == null) {
                // Dedup retracted an original it had published (an earlier copy turned up): retract it here too.
                context.forward(record.withValue((EnrichedArticle) null).withHeaders(new RecordHeaders()));
                return;
            }
            EnrichedArticle enriched = tagger.tag(record.value(), record.timestamp());
            Headers headers = record.headers();
            set(headers, HEADER_REGIONS, enriched.getRegions().stream().map(r -> r.getCountry()).filter(c -> c != null)
                    .distinct().collect(Collectors.joining(",")));
            set(headers, HEADER_ACTORS, enriched.getActors().stream().map(a -> a.getId()).collect(Collectors.joining(",")));
            set(headers, FilterHeaders.KINDS, enriched.getActors().stream().map(a -> a.getKind().name()).distinct()
                    .collect(Collectors.joining(",")));
            set(headers, HEADER_LANG, enriched.getLanguage() == null ? "" : enriched.getLanguage());
            set(headers, FilterHeaders.SOURCE, enriched.getSource());
            set(headers, FilterHeaders.STORY, enriched.getStoryId());
            context.forward(record.withValue(enriched).withHeaders(headers));
        }

        private static void set(Headers headers, String key, String value) {
            headers.remove(key);
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
