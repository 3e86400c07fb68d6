package io.wirestream.alerts.stream;

import java.util.List;

/** The records the alerts topology passes between its stages and keeps in its stores. */
final class Internal {

    private Internal() {
    }

    /** An article as alerts name it. {@code eventTime} is publication time, else ingestion time (epoch ms). */
    record ArticleRef(String articleId, String title, String source, long eventTime, Long publishedAt) {
    }

    /** The rules an original's content matched, with the regions a region-grouped rule counts it under. */
    record RuleHit(String ruleId, List<String> regions) {
    }

    /**
     * An article of a story, repartitioned by story id: an original (with the rules its content matched,
     * possibly none) or a syndicated copy (from {@code news.articles.duplicates}).
     */
    record StoryEvent(boolean original, String storyId, ArticleRef article, List<RuleHit> hits) {
    }

    /**
     * What the story stage knows about one story: whether its original has been seen, the rules it matched,
     * the article ids already counted (a corrected decision does not count twice) and copies that arrived
     * before their original was tagged.
     */
    record StoryState(boolean originalSeen, List<RuleHit> hits, List<String> counted, List<ArticleRef> pending,
                      long lastSeen) {
    }

    /** One article counted for one rule in one group ({@code story} or {@code region}), repartitioned by group key. */
    record Match(String ruleId, String group, String groupValue, String storyId, String region, ArticleRef article) {

        /** {@code ruleId|group|value}: every match of a rule for one story or region meets in one task. */
        String key() {
            return ruleId + "|" + group + "|" + groupValue;
        }
    }

    /**
     * The trigger stage's memory of one rule and group: recent matches (a burst's sliding window plus grace),
     * when it last fired (event time, null when never), and how many firings cooldown suppressed since.
     */
    record GroupState(List<ArticleRef> recent, Long lastFiredAt, int suppressed, long lastSeen) {
    }
}
