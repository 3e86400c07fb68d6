package io.wirestream.alerts.stream;

import io.wirestream.client.Durations;
import io.wirestream.alerts.rules.RuleMatcher;
import io.wirestream.alerts.stream.Internal.ArticleRef;
import io.wirestream.alerts.stream.Internal.GroupState;
import io.wirestream.alerts.stream.Internal.Match;
import io.wirestream.model.Alert;
import io.wirestream.model.AlertArticle;
import io.wirestream.model.AlertRule;
import io.wirestream.model.AlertTrigger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * Per rule and group (one story, or one region): decides whether a match fires an {@link Alert}.
 *
 * <ul>
 *   <li>{@code EVERY}: each match fires, unless the rule fired for the same group less than its cooldown
 *       earlier (event time).</li>
 *   <li>{@code NEW_STORY}: the first match of a story fires; later ones never do.</li>
 *   <li>{@code BURST}: fires when this match completes a sliding window of the rule's length holding at
 *       least N matching articles from at least M distinct sources; the window that fires is the earliest
 *       such window that contains this match. A match older than stream time minus the rule's grace is late:
 *       not counted, logged and measured ({@code late-records}). Cooldown as for EVERY.</li>
 * </ul>
 * Everything is decided on record timestamps (event time) and stream time, never the wall clock, and alert
 * ids are derived from what fired, so a replay of the same input produces the same alerts with the same ids.
 */
final class TriggerProcessor implements Processor<String, Match, String, Alert> {

    private static final Logger LOG = LoggerFactory.getLogger(TriggerProcessor.class);
    private static final Comparator<ArticleRef> BY_TIME = Comparator.comparingLong(ArticleRef::eventTime)
            .thenComparing(ArticleRef::articleId);

    private final AlertsConfig config;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, GroupState> groups;
    private RuleBook rules;
    private Sensor late;
    private Sensor suppressed;

    TriggerProcessor(AlertsConfig config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.groups = context.getStateStore(AlertsTopology.GROUP_STORE);
        TimestampedKeyValueStore<String, AlertRule> store = context.getStateStore(AlertsTopology.RULES_STORE);
        this.rules = new RuleBook(store);
        this.late = Metrics.sensor(context, "late-records");
        this.suppressed = Metrics.sensor(context, "suppressed-alerts");
        context.schedule(Duration.ofMinutes(10), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, Match> record) {
        Match m = record.value();
        RuleMatcher matcher = rules.get(m.ruleId());
        if (matcher == null) {
            LOG.debug("rule {} is gone or disabled; match of {} dropped", m.ruleId(), m.article().articleId());
            return;
        }
        AlertRule rule = matcher.rule();
        long t = record.timestamp();
        GroupState g = groups.get(record.key());
        if (g == null) {
            g = new GroupState(List.of(), null, 0, t);
        }
        long lastSeen = Math.max(g.lastSeen(), t);
        switch (rule.getTrigger()) {
            case EVERY -> {
                if (coolingDown(rule, g, t)) {
                    groups.put(record.key(), suppress(g, m, lastSeen));
                } else {
                    fire(rule, m, AlertTrigger.EVERY, List.of(m.article()), null, t, m.article().articleId());
                    groups.put(record.key(), new GroupState(List.of(), t, 0, lastSeen));
                }
            }
            case NEW_STORY -> {
                if (g.lastFiredAt() != null) {
                    groups.put(record.key(), suppress(g, m, lastSeen));
                } else {
                    fire(rule, m, AlertTrigger.NEW_STORY, List.of(m.article()), null, t, m.storyId());
                    groups.put(record.key(), new GroupState(List.of(), t, 0, lastSeen));
                }
            }
            case BURST -> burst(record.key(), rule, m, g, t, lastSeen);
        }
    }

    private void burst(String key, AlertRule rule, Match m, GroupState g, long t, long lastSeen) {
        long streamTime = context.currentStreamTimeMs();
        if (t < streamTime - rule.getGraceMs()) {
            late.record();
            LOG.warn("rule {} ({} {}): article {} from {} at {} is {} behind stream time {}, beyond the grace of {}; not counted",
                    rule.getRuleId(), m.group(), m.groupValue(), m.article().articleId(), m.article().source(),
                    Instant.ofEpochMilli(t), Durations.format(streamTime - t), Instant.ofEpochMilli(streamTime),
                    Durations.format(rule.getGraceMs()));
            return;
        }
        long horizon = Math.max(streamTime, t) - rule.getWindowMs() - rule.getGraceMs();
        List<ArticleRef> recent = new ArrayList<>();
        for (ArticleRef a : g.recent()) {
            if (a.eventTime() >= horizon && !a.articleId().equals(m.article().articleId())) {
                recent.add(a);
            }
        }
        recent.add(m.article());
        recent.sort(BY_TIME);
        List<ArticleRef> window = completedWindow(rule, recent, t);
        if (window == null) {
            groups.put(key, new GroupState(recent, g.lastFiredAt(), g.suppressed(), lastSeen));
        } else if (coolingDown(rule, g, t)) {
            GroupState s = suppress(g, m, lastSeen);
            groups.put(key, new GroupState(recent, s.lastFiredAt(), s.suppressed(), lastSeen));
        } else {
            fire(rule, m, AlertTrigger.BURST, window, window.get(0).eventTime(), t, m.article().articleId());
            groups.put(key, new GroupState(recent, t, 0, lastSeen));
        }
    }

    /** The earliest window of the rule's length that holds the article at {@code t} and enough articles and sources; null if none. */
    static List<ArticleRef> completedWindow(AlertRule rule, List<ArticleRef> sorted, long t) {
        for (int i = 0; i < sorted.size(); i++) {
            long start = sorted.get(i).eventTime();
            if (start > t) {
                break;
            }
            if (t - start > rule.getWindowMs()) {
                continue;
            }
            List<ArticleRef> in = new ArrayList<>();
            Set<String> sources = new LinkedHashSet<>();
            for (int j = i; j < sorted.size() && sorted.get(j).eventTime() - start <= rule.getWindowMs(); j++) {
                in.add(sorted.get(j));
                sources.add(sorted.get(j).source());
            }
            if (in.size() >= rule.getMinArticles() && sources.size() >= rule.getMinSources()) {
                return in;
            }
        }
        return null;
    }

    /**
     * Within the cooldown of the last firing, in event time on either side of it: an article that arrives out
     * of order and is stamped shortly before the last firing is as much a repeat as one shortly after. A rule
     * without a cooldown is never quiet.
     */
    private static boolean coolingDown(AlertRule rule, GroupState g, long t) {
        return rule.getCooldownMs() > 0 && g.lastFiredAt() != null && Math.abs(t - g.lastFiredAt()) < rule.getCooldownMs();
    }

    private GroupState suppress(GroupState g, Match m, long lastSeen) {
        suppressed.record();
        LOG.debug("rule {} ({} {}): suppressed for article {} (cooldown)", m.ruleId(), m.group(), m.groupValue(),
                m.article().articleId());
        return new GroupState(g.recent(), g.lastFiredAt(), g.suppressed() + 1, lastSeen);
    }

    private void fire(AlertRule rule, Match m, AlertTrigger trigger, List<ArticleRef> articles, Long windowStart, long t,
                      String discriminator) {
        Set<String> sources = new LinkedHashSet<>();
        articles.forEach(a -> sources.add(a.source()));
        List<AlertArticle> listed = articles.stream().map(a -> AlertArticle.newBuilder().setArticleId(a.articleId())
                .setTitle(a.title()).setSource(a.source())
                .setPublishedAt(a.publishedAt() == null ? null : Instant.ofEpochMilli(a.publishedAt())).build()).toList();
        boolean story = m.region() == null;
        String about = story ? "story " + m.storyId() + " '" + articles.get(0).title() + "'" : "region " + m.region();
        ArticleRef first = articles.get(0);
        String explanation = switch (trigger) {
            case BURST -> "burst: " + articles.size() + " articles from " + sources.size() + " sources within "
                    + Durations.format(rule.getWindowMs()) + " about " + about;
            case NEW_STORY -> "new story " + m.storyId() + ": '" + first.title() + "' from " + first.source();
            case EVERY -> "match: '" + first.title() + "' from " + first.source() + " (story " + m.storyId() + ")";
        };
        Alert alert = Alert.newBuilder()
                .setAlertId(alertId(rule.getRuleId(), trigger, m.group(), m.groupValue(), windowStart, discriminator))
                .setRuleId(rule.getRuleId())
                .setRuleName(rule.getName())
                .setTrigger(trigger)
                .setStoryId(story ? m.storyId() : null)
                .setRegion(story ? null : m.region())
                .setArticles(listed)
                .setDistinctSources(sources.size())
                .setWindowStart(windowStart == null ? null : Instant.ofEpochMilli(windowStart))
                .setWindowEnd(windowStart == null ? null : Instant.ofEpochMilli(windowStart + rule.getWindowMs()))
                .setExplanation(explanation)
                .setFiredAt(Instant.ofEpochMilli(t))
                .build();
        LOG.info("alert {} {}: {}", rule.getRuleId(), alert.getAlertId(), explanation);
        context.forward(new Record<>(rule.getRuleId(), alert, t));
    }

    /** {@code <rule>-<16 hex>}: a hash of what fired (rule, trigger, group, window start, completing article or story). */
    static String alertId(String ruleId, AlertTrigger trigger, String group, String groupValue, Long windowStart, String discriminator) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String basis = String.join("\u0000", ruleId, trigger.name(), group, groupValue,
                    windowStart == null ? "" : Long.toString(windowStart), discriminator);
            byte[] h = sha.digest(basis.getBytes(StandardCharsets.UTF_8));
            return ruleId + "-" + HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Forgets groups not seen for the retention period of stream time (cooldowns and NEW_STORY memory end with them). */
    private void expire(long streamTime) {
        long before = streamTime - config.stateRetention().toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, GroupState> it = groups.all()) {
            while (it.hasNext()) {
                KeyValue<String, GroupState> kv = it.next();
                if (kv.value.lastSeen() < before) {
                    old.add(kv.key);
                }
            }
        }
        old.forEach(groups::delete);
    }
}
