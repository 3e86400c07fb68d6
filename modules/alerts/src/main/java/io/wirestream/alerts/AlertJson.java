package io.wirestream.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.client.Durations;
import io.wirestream.model.Alert;
import io.wirestream.model.AlertArticle;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Alerts for people and programs: one JSON object (what the webhook POSTs and {@code alerts tail --format json}
 * prints; times ISO-8601 UTC, trigger in lower case) or a few readable lines.
 */
public final class AlertJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private AlertJson() {
    }

    public static ObjectNode toJson(Alert a) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("alertId", a.getAlertId());
        o.put("ruleId", a.getRuleId());
        o.put("ruleName", a.getRuleName());
        o.put("trigger", a.getTrigger().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        o.put("storyId", a.getStoryId());
        o.put("region", a.getRegion());
        ArrayNode articles = o.putArray("articles");
        for (AlertArticle x : a.getArticles()) {
            ObjectNode n = articles.addObject();
            n.put("articleId", x.getArticleId());
            n.put("title", x.getTitle());
            n.put("source", x.getSource());
            n.put("publishedAt", time(x.getPublishedAt()));
        }
        o.put("distinctSources", a.getDistinctSources());
        o.put("windowStart", time(a.getWindowStart()));
        o.put("windowEnd", time(a.getWindowEnd()));
        o.put("explanation", a.getExplanation());
        o.put("firedAt", time(a.getFiredAt()));
        return o;
    }

    /** The alert as one line of compact JSON. */
    public static String line(Alert a) {
        try {
            return MAPPER.writeValueAsString(toJson(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alert " + a.getAlertId() + " as JSON", e);
        }
    }

    /** The alert for a terminal: a headline, then one line per article. */
    public static String pretty(Alert a) {
        StringBuilder b = new StringBuilder();
        b.append(TIME.format(a.getFiredAt())).append("  ").append(a.getTrigger().name()).append("  ").append(a.getRuleId())
                .append(a.getRuleName() == null ? "" : " (" + a.getRuleName() + ")").append('\n');
        b.append("    ").append(a.getExplanation()).append('\n');
        if (a.getWindowStart() != null) {
            b.append("    window ").append(TIME.format(a.getWindowStart())).append(" .. ").append(TIME.format(a.getWindowEnd()))
                    .append(" (").append(Durations.format(a.getWindowEnd().toEpochMilli() - a.getWindowStart().toEpochMilli()))
                    .append("), ").append(a.getDistinctSources()).append(" sources\n");
        }
        for (AlertArticle x : a.getArticles()) {
            b.append("    - ").append(x.getPublishedAt() == null ? "(no time)       " : TIME.format(x.getPublishedAt()))
                    .append("  ").append(x.getSource()).append(": ").append(x.getTitle()).append("  [").append(x.getArticleId())
                    .append("]\n");
        }
        return b.toString();
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
