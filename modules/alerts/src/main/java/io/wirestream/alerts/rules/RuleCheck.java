package io.wirestream.alerts.rules;

import io.wirestream.client.Durations;
import io.wirestream.model.AlertRule;
import io.wirestream.model.RuleTrigger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Validation of {@link AlertRule}s, with messages that name the rule and the field. */
public final class RuleCheck {

    /** Rule ids: letters, digits, '.', '_', '-'; 1..100 characters (they are record keys and appear in alert ids). */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private RuleCheck() {
    }

    /** Every problem with {@code rule}; empty when it is valid. */
    public static List<String> problems(AlertRule rule) {
        List<String> p = new ArrayList<>();
        String id = rule.getRuleId();
        if (id == null || !ID.matcher(id).matches()) {
            p.add("id '" + id + "' must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (rule.getMinConfidence() < 0 || rule.getMinConfidence() > 1) {
            p.add("min-confidence must be in 0..1, was " + rule.getMinConfidence());
        }
        if (rule.getCooldownMs() < 0) {
            p.add("cooldown must not be negative, was " + Durations.format(rule.getCooldownMs()));
        }
        if (rule.getTrigger() == RuleTrigger.BURST) {
            if (rule.getMinArticles() < 1) {
                p.add("burst: min-articles (N) must be >= 1, was " + rule.getMinArticles());
            }
            if (rule.getMinSources() < 1) {
                p.add("burst: min-sources (M) must be >= 1, was " + rule.getMinSources());
            }
            if (rule.getMinSources() > rule.getMinArticles()) {
                p.add("burst: min-sources (" + rule.getMinSources() + ") cannot exceed min-articles (" + rule.getMinArticles() + ")");
            }
            if (rule.getWindowMs() <= 0) {
                p.add("burst: window must be > 0, was " + rule.getWindowMs() + " ms");
            }
            if (rule.getGraceMs() < 0) {
                p.add("burst: grace must not be negative, was " + rule.getGraceMs() + " ms");
            }
        }
        for (List<String> values : List.of(rule.getRegions(), rule.getActors(), rule.getKinds(), rule.getKeywords(),
                rule.getSources(), rule.getLanguages())) {
            if (values.stream().anyMatch(v -> v == null || v.isBlank())) {
                p.add("filter values must not be blank");
                break;
            }
        }
        return p;
    }

    /** Throws {@link IllegalArgumentException} listing every problem, when there is any. */
    public static AlertRule require(AlertRule rule) {
        List<String> p = problems(rule);
        if (!p.isEmpty()) {
            throw new IllegalArgumentException("rule " + rule.getRuleId() + ": " + String.join("; ", p));
        }
        return rule;
    }
}
