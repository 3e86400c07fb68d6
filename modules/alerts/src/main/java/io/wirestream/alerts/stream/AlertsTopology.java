package io.wirestream.alerts.stream;

import io.wirestream.alerts.stream.Internal.GroupState;
import io.wirestream.alerts.stream.Internal.Match;
import io.wirestream.alerts.stream.Internal.StoryEvent;
import io.wirestream.alerts.stream.Internal.StoryState;
import io.wirestream.model.AlertRule;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.DuplicateStatus;
import io.wirestream.model.topic.Topics;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The alerts topology, top to bottom:
 *
 * <pre>
 * news.alert-rules ──▶ global store alerts-rules (every instance, every rule; changes apply at once)
 * news.events.enriched ─▶ alerts-evaluate-rules (which rules the original's content matches) ─┐
 * news.articles.duplicates ─▶ copies only ─────────────────────────────────────────────────────┴▶ by story id
 *   ─▶ alerts-story (store alerts-stories: rules matched by the original, copies waiting for it) ─▶ matches
 *   ─▶ by rule + story/region ─▶ alerts-trigger (store alerts-groups: windows, cooldowns) ─▶ news.alerts
 * </pre>
 */
public final class AlertsTopology {

    public static final String RULES_STORE = "alerts-rules";
    public static final String STORY_STORE = "alerts-stories";
    public static final String GROUP_STORE = "alerts-groups";

    private AlertsTopology() {
    }

    /** The whole topology. Pure: no I/O, no clock. */
    public static Topology topology(AlertsConfig config, Topics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.globalTable(topics.alertRules().name(),
                Consumed.with(topics.alertRules().keySerde(), topics.alertRules().valueSerde()).withName("alerts-rules-source"),
                Materialized.<String, AlertRule, KeyValueStore<Bytes, byte[]>>as(RULES_STORE)
                        .withKeySerde(topics.alertRules().keySerde()).withValueSerde(topics.alertRules().valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORY_STORE), Serdes.String(),
                new JsonSerde<>(StoryState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(GROUP_STORE), Serdes.String(),
                new JsonSerde<>(GroupState.class)));

        KStream<String, StoryEvent> originals = builder.stream(topics.enriched().name(),
                        Consumed.with(topics.enriched().keySerde(), topics.enriched().valueSerde()).withName("alerts-enriched-source"))
                .process(RuleEvaluator::new, Named.as("alerts-evaluate-rules"));
        KStream<String, StoryEvent> copies = builder.stream(topics.duplicates().name(),
                        Consumed.with(topics.duplicates().keySerde(), topics.duplicates().valueSerde()).withName("alerts-duplicates-source"))
                .filter((id, d) -> d != null && d.getStatus() != DuplicateStatus.ORIGINAL, Named.as("alerts-copies-only"))
                .map((id, d) -> KeyValue.pair(d.getStoryId(), copy(d)), Named.as("alerts-copy-by-story"));

        originals.merge(copies, Named.as("alerts-story-events"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(StoryEvent.class)).withName("alerts-by-story"))
                .process(() -> new StoryProcessor(config), Named.as("alerts-story"), STORY_STORE)
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(Match.class)).withName("alerts-by-group"))
                .process(() -> new TriggerProcessor(config), Named.as("alerts-trigger"), GROUP_STORE)
                .to(topics.alerts().name(), Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
                        .withName("alerts-sink"));
        return builder.build();
    }

    private static StoryEvent copy(DuplicateDecision d) {
        long t = d.getEventTime().toEpochMilli();
        return new StoryEvent(false, d.getStoryId(), new Internal.ArticleRef(d.getArticleId(), d.getTitle(), d.getSource(), t, t),
                List.of());
    }
}
