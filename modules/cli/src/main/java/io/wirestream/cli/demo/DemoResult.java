package io.wirestream.cli.demo;

import io.wirestream.model.Alert;
import io.wirestream.model.AlertRule;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.RawArticle;
import io.wirestream.model.Story;
import java.util.List;
import java.util.Map;

/**
 * What the demo pipeline produced, read back from the topics after every stage settled.
 *
 * @param documents      documents published to {@code news.documents}
 * @param rawRecords     records on {@code news.articles.raw} (a document with the URL of an earlier one is the same article again)
 * @param raw            articles on {@code news.articles.raw}, by article id
 * @param decisions      the final decision per article id (later corrections replace earlier decisions)
 * @param corrections    how many decisions were corrections
 * @param stories        the latest state per story id on {@code news.stories}
 * @param originals      article ids published on {@code news.articles.deduped}
 * @param enriched       enriched events by article id on {@code news.events.enriched}
 * @param enrichedHeaders the {@code regions} header of each enriched event, by article id
 * @param deadLetters    dead letters on {@code news.dlq}, each as its headers
 * @param alertRules     the sample rules installed on {@code news.alert-rules}
 * @param alerts         alerts on {@code news.alerts}, in the order read
 */
public record DemoResult(
        int documents,
        int rawRecords,
        Map<String, RawArticle> raw,
        Map<String, DuplicateDecision> decisions,
        int corrections,
        Map<String, Story> stories,
        List<String> originals,
        Map<String, EnrichedArticle> enriched,
        Map<String, String> enrichedHeaders,
        List<Map<String, String>> deadLetters,
        List<AlertRule> alertRules,
        List<Alert> alerts) {
}
