package io.wirestream.model.topic;

import io.wirestream.model.Alert;
import io.wirestream.model.AlertRule;
import io.wirestream.model.DedupedArticle;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.RawArticle;
import io.wirestream.model.SourceDocument;
import io.wirestream.model.Story;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic catalogue: every topic of the public contract with its serdes and layout. An immutable
 * value built once from configuration and passed to the services; keys are strings (the ids), the DLQ
 * carries the original bytes.
 */
public record Topics(
        Topic<String, SourceDocument> documents,
        Topic<String, RawArticle> articlesRaw,
        Topic<String, DedupedArticle> articlesDeduped,
        Topic<String, DuplicateDecision> duplicates,
        Topic<String, Story> stories,
        Topic<String, EnrichedArticle> enriched,
        Topic<String, AlertRule> alertRules,
        Topic<String, Alert> alerts,
        Topic<byte[], byte[]> dlq) {

    public static final String DOCUMENTS = "news.documents";
    public static final String ARTICLES_RAW = "news.articles.raw";
    public static final String ARTICLES_DEDUPED = "news.articles.deduped";
    public static final String DUPLICATES = "news.articles.duplicates";
    public static final String STORIES = "news.stories";
    public static final String ENRICHED = "news.events.enriched";
    public static final String ALERT_RULES = "news.alert-rules";
    public static final String ALERTS = "news.alerts";
    public static final String DLQ = "news.dlq";

    /** Layout settings of the catalogue. */
    public record Settings(String prefix, int partitions, short replicationFactor) {
        public Settings {
            Objects.requireNonNull(prefix, "prefix");
            if (partitions < 1) {
                throw new IllegalArgumentException("topics.partitions must be >= 1, was " + partitions);
            }
            if (replicationFactor < 1) {
                throw new IllegalArgumentException("topics.replication.factor must be >= 1, was " + replicationFactor);
            }
        }

        /** No prefix, 6 partitions, replication factor 1 (the dev stack's single broker). */
        public static Settings defaults() {
            return new Settings("", 6, (short) 1);
        }
    }

    /** Builds the catalogue: names carry {@code settings.prefix()}, values use {@code serdes}. */
    public static Topics create(Settings settings, SerdeFactory serdes) {
        var b = new Builder(settings);
        Optional<Duration> forever = Optional.empty();
        Optional<Duration> month = Optional.of(Duration.ofDays(30));
        Optional<Duration> week = Optional.of(Duration.ofDays(7));
        return new Topics(
                b.topic(DOCUMENTS, serdes.valueSerde(SourceDocument.class), month, CleanupPolicy.DELETE),
                b.topic(ARTICLES_RAW, serdes.valueSerde(RawArticle.class), forever, CleanupPolicy.DELETE),
                b.topic(ARTICLES_DEDUPED, serdes.valueSerde(DedupedArticle.class), week, CleanupPolicy.DELETE),
                b.topic(DUPLICATES, serdes.valueSerde(DuplicateDecision.class), month, CleanupPolicy.DELETE),
                b.topic(STORIES, serdes.valueSerde(Story.class), forever, CleanupPolicy.COMPACT),
                b.topic(ENRICHED, serdes.valueSerde(EnrichedArticle.class), month, CleanupPolicy.DELETE),
                b.topic(ALERT_RULES, serdes.valueSerde(AlertRule.class), forever, CleanupPolicy.COMPACT),
                b.topic(ALERTS, serdes.valueSerde(Alert.class), month, CleanupPolicy.DELETE),
                new Topic<>(settings.prefix() + DLQ, Serdes.ByteArray(), Serdes.ByteArray(), settings.partitions(),
                        settings.replicationFactor(), month, CleanupPolicy.DELETE));
    }

    /** Every topic, in data-flow order. */
    public List<Topic<?, ?>> all() {
        return List.of(documents, articlesRaw, articlesDeduped, duplicates, stories, enriched, alertRules, alerts, dlq);
    }

    private record Builder(Settings settings) {
        <V> Topic<String, V> topic(String name, Serde<V> valueSerde, Optional<Duration> retention, CleanupPolicy policy) {
            return new Topic<>(settings.prefix() + name, Serdes.String(), valueSerde, settings.partitions(),
                    settings.replicationFactor(), retention, policy);
        }
    }
}
