package io.wirestream.alerts.stream;

import io.wirestream.alerts.rules.RuleMatcher;
import io.wirestream.alerts.stream.Internal.ArticleRef;
import io.wirestream.alerts.stream.Internal.Match;
import io.wirestream.alerts.stream.Internal.RuleHit;
import io.wirestream.alerts.stream.Internal.StoryEvent;
import io.wirestream.alerts.stream.Internal.StoryState;
import io.wirestream.model.AlertRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per story (input keyed by story id): remembers which rules the story's original matched and turns the
 * original and each syndicated copy into {@link Match}es of those rules.
 *
 * <p>A copy counts for a rule when the rule matched its original's content (copies share it; their own
 * text is not on the duplicates topic) and the copy's source passes the rule's source filter. A copy that
 * arrives before its original has been tagged waits in the story's state (at most
 * {@code maxPending} per story) and is counted when the original arrives, with its own event time, so a
 * burst window still places it right. Matches of region-grouped bursts come from originals only.
 */
final class StoryProcessor implements Processor<String, StoryEvent, String, Match> {

    private static final Logger LOG = LoggerFactory.getLogger(StoryProcessor.class);

    private final AlertsConfig config;
    private ProcessorContext<String, Match> context;
    private KeyValueStore<String, StoryState> stories;
    private RuleBook rules;
    private Sensor overflow;

    StoryProcessor(AlertsConfig config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, Match> context) {
        this.context = context;
        this.stories = context.getStateStore(AlertsTopology.STORY_STORE);
        TimestampedKeyValueStore<String, io.wirestream.model.AlertRule> store = context.getStateStore(AlertsTopology.RULES_STORE);
        this.rules = new RuleBook(store);
        this.overflow = Metrics.sensor(context, "pending-copies-overflow");
        context.schedule(Duration.ofMinutes(10), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, StoryEvent> record) {
        StoryEvent e = record.value();
        String storyId = record.key();
        StoryState s = stories.get(storyId);
        if (s == null) {
            s = new StoryState(false, List.of(), List.of(), List.of(), record.timestamp());
        }
        String id = e.article().articleId();
        if (s.counted().contains(id)) {
            return; // the same article again (a corrected decision, or a redelivered original)
        }
        List<String> counted = new ArrayList<>(s.counted());
        long lastSeen = Math.max(s.lastSeen(), record.timestamp());
        if (e.original()) {
            counted.add(id);
            emit(storyId, e.hits(), e.article(), true);
            List<ArticleRef> waiting = new ArrayList<>(s.pending());
            waiting.sort(Comparator.comparingLong(ArticleRef::eventTime).thenComparing(ArticleRef::articleId));
            for (ArticleRef copy : waiting) {
                if (!counted.contains(copy.articleId())) {
                    counted.add(copy.articleId());
                    emit(storyId, e.hits(), copy, false);
                }
            }
            stories.put(storyId, new StoryState(true, e.hits(), counted, List.of(), lastSeen));
        } else if (s.originalSeen()) {
            counted.add(id);
            emit(storyId, s.hits(), e.article(), false);
            stories.put(storyId, new StoryState(true, s.hits(), counted, List.of(), lastSeen));
        } else {
            List<ArticleRef> pending = new ArrayList<>(s.pending());
            if (pending.stream().noneMatch(p -> p.articleId().equals(id))) {
                if (pending.size() >= config.maxPendingCopies()) {
                    overflow.record();
                    LOG.warn("story {}: {} copies already wait for the original; copy {} ({}) will not count for alerts",
                            storyId, pending.size(), id, e.article().source());
                } else {
                    pending.add(e.article());
                }
            }
            stories.put(storyId, new StoryState(false, s.hits(), s.counted(), pending, lastSeen));
        }
    }

    private void emit(String storyId, List<RuleHit> hits, ArticleRef article, boolean original) {
        for (RuleHit hit : hits) {
            RuleMatcher m = rules.get(hit.ruleId());
            if (m == null || !m.sourceMatches(article.source())) {
                continue;
            }
            AlertRule rule = m.rule();
            if (m.groupsByRegion()) {
                if (original) {
                    for (String region : hit.regions()) {
                        forward(new Match(rule.getRuleId(), "region", region, storyId, region, article));
                    }
                }
            } else {
                forward(new Match(rule.getRuleId(), "story", storyId, storyId, null, article));
            }
        }
    }

    private void forward(Match m) {
        context.forward(new Record<>(m.key(), m, m.article().eventTime()));
    }

    /** Forgets stories not seen for the retention period of stream time. */
    private void expire(long streamTime) {
        long before = streamTime - config.stateRetention().toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, StoryState> it = stories.all()) {
            while (it.hasNext()) {
                KeyValue<String, StoryState> kv = it.next();
                if (kv.value.lastSeen() < before) {
                    old.add(kv.key);
                    if (!kv.value.pending().isEmpty()) {
                        LOG.info("story {}: {} copies expired waiting for an original that never came", kv.key,
                                kv.value.pending().size());
                    }
                }
            }
        }
        old.forEach(stories::delete);
    }
}
