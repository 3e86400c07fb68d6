package io.wirestream.alerts;

import io.wirestream.model.ActorKind;
import io.wirestream.model.ActorTag;
import io.wirestream.model.AlertRule;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.DuplicateStatus;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.RegionKind;
import io.wirestream.model.RegionTag;
import io.wirestream.model.RuleGrouping;
import io.wirestream.model.RuleTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Articles, copies and rules for the alerts tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-11-12T02:00:00Z");

    private Fixtures() {
    }

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static RegionTag region(String code, boolean focus, double confidence) {
        return RegionTag.newBuilder().setCode(code).setName(code).setKind(RegionKind.COUNTRY).setCountry(code)
                .setConfidence(confidence).setSalience(focus ? 1.0 : 0.3).setFocus(focus).setMentionCount(1)
                .setRule("test").build();
    }

    static ActorTag actor(String id, ActorKind kind, double confidence) {
        return ActorTag.newBuilder().setId(id).setName(id).setKind(kind).setConfidence(confidence).setMentionCount(1)
                .setRule("test").build();
    }

    /** An original of {@code storyId} about Japan (focus JP, confidence 0.9). */
    static EnrichedArticle original(String id, String storyId, String source, String title, Instant published) {
        return original(id, storyId, source, title, published, List.of(region("JP", true, 0.9)));
    }

    static EnrichedArticle original(String id, String storyId, String source, String title, Instant published,
                                    List<RegionTag> regions) {
        return EnrichedArticle.newBuilder().setArticleId(id).setStoryId(storyId).setSource(source).setTitle(title)
                .setBody(title + ". More text follows about the event.").setLanguage("en").setPublishedAt(published)
                .setIngestedAt(published).setFocusRegion(regions.isEmpty() ? null : regions.get(0).getCode())
                .setRegions(regions).setActors(List.of()).setTagger("test").setTaggedAt(published).build();
    }

    /** A syndicated copy of {@code storyId}'s original, as dedup announces it. */
    static DuplicateDecision copy(String id, String storyId, String duplicateOf, String source, String title, Instant time) {
        return DuplicateDecision.newBuilder().setArticleId(id).setStatus(DuplicateStatus.NEAR_DUPLICATE)
                .setDuplicateOf(duplicateOf).setSimilarity(0.9).setStoryId(storyId).setSource(source).setTitle(title)
                .setEventTime(time).setDecidedAt(time).build();
    }

    static AlertRule.Builder rule(String id, RuleTrigger trigger) {
        return AlertRule.newBuilder().setRuleId(id).setName("rule " + id).setTrigger(trigger).setGroupBy(RuleGrouping.STORY)
                .setCooldownMs(Duration.ofHours(1).toMillis()).setGraceMs(Duration.ofMinutes(10).toMillis());
    }

    static AlertRule burst(String id, int articles, int sources, Duration window) {
        return rule(id, RuleTrigger.BURST).setMinArticles(articles).setMinSources(sources).setWindowMs(window.toMillis())
                .setKeywords(List.of("quake")).build();
    }
}
