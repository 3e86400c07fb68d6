package io.wirestream.alerts.stream;

import io.wirestream.alerts.rules.RuleCheck;
import io.wirestream.alerts.rules.RuleMatcher;
import io.wirestream.model.AlertRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current rules, read from the global rules store that every instance keeps of {@code news.alert-rules},
 * each prepared once per version. Disabled and invalid rules are left out (an invalid one is logged once
 * per version: the CLI validates, but anyone can write to the topic).
 */
final class RuleBook {

    private static final Logger LOG = LoggerFactory.getLogger(RuleBook.class);

    private final TimestampedKeyValueStore<String, AlertRule> store;
    private final Map<String, RuleMatcher> prepared = new HashMap<>();
    private final Map<String, AlertRule> rejected = new HashMap<>();

    RuleBook(TimestampedKeyValueStore<String, AlertRule> store) {
        this.store = store;
    }

    /** The rule with this id, or null when it is absent, disabled or invalid. */
    RuleMatcher get(String ruleId) {
        return prepare(ruleId, ValueAndTimestamp.getValueOrNull(store.get(ruleId)));
    }

    /** Every usable rule, in id order. Cost: one scan of the (small) rules store. */
    List<RuleMatcher> all() {
        List<RuleMatcher> out = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<AlertRule>> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, ValueAndTimestamp<AlertRule>> kv = it.next();
                RuleMatcher m = prepare(kv.key, ValueAndTimestamp.getValueOrNull(kv.value));
                if (m != null) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private RuleMatcher prepare(String ruleId, AlertRule rule) {
        if (rule == null) {
            prepared.remove(ruleId);
            return null;
        }
        RuleMatcher m = prepared.get(ruleId);
        if (m == null || !m.rule().equals(rule)) {
            List<String> problems = RuleCheck.problems(rule);
            if (!problems.isEmpty() || !ruleId.equals(rule.getRuleId())) {
                if (!rule.equals(rejected.put(ruleId, rule))) {
                    LOG.warn("alert rule {} ignored: {}", ruleId, problems.isEmpty()
                            ? "its ruleId field says " + rule.getRuleId() : String.join("; ", problems));
                }
                return null;
            }
            m = new RuleMatcher(rule);
            prepared.put(ruleId, m);
        }
        return rule.getEnabled() ? m : null;
    }
}
