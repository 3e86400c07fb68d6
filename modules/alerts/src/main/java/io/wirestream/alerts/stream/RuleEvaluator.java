package io.wirestream.alerts.stream;

import io.wirestream.alerts.stream.Internal.ArticleRef;
import io.wirestream.alerts.stream.Internal.RuleHit;
import io.wirestream.alerts.stream.Internal.StoryEvent;
import io.wirestream.alerts.rules.RuleMatcher;
import io.wirestream.model.AlertRule;
import io.wirestream.model.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/**
 * Decides which rules an original's content matches and re-keys it by story id. Every original goes on,
 * matching or not, so that the story stage knows its copies have nothing to wait for.
 */
final class RuleEvaluator implements Processor<String, EnrichedArticle, String, StoryEvent> {

    private ProcessorContext<String, StoryEvent> context;
    private RuleBook rules;

    @Override
    public void init(ProcessorContext<String, StoryEvent> context) {
        this.context = context;
        TimestampedKeyValueStore<String, AlertRule> store = context.getStateStore(AlertsTopology.RULES_STORE);
        this.rules = new RuleBook(store);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle a = record.value();
        if (a == null) {
            // A retracted original (dedup found an earlier copy after publishing it): nothing to match. Alerts it
            // already fired stay; the copy counts for its true story through its duplicate decision.
            return;
        }
        List<RuleHit> hits = new ArrayList<>();
        for (RuleMatcher m : rules.all()) {
            if (m.contentMatches(a)) {
                hits.add(new RuleHit(m.rule().getRuleId(), m.groupsByRegion() ? m.regionGroups(a) : List.of()));
            }
        }
        long eventTime = (a.getPublishedAt() != null ? a.getPublishedAt() : a.getIngestedAt()).toEpochMilli();
        ArticleRef ref = new ArticleRef(a.getArticleId(), a.getTitle(), a.getSource(), eventTime,
                a.getPublishedAt() == null ? null : a.getPublishedAt().toEpochMilli());
        context.forward(new Record<>(a.getStoryId(), new StoryEvent(true, a.getStoryId(), ref, hits), eventTime,
                record.headers()));
    }
}
