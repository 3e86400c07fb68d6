package io.wirestream.alerts.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.wirestream.client.Durations;
import io.wirestream.model.AlertRule;
import io.wirestream.model.RuleGrouping;
import io.wirestream.model.RuleTrigger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rules as people write them: YAML (or JSON, which is YAML) with kebab-case keys and durations like
 * {@code 30m}. A file holds one rule, a list of rules, or {@code rules:} followed by a list.
 *
 * <pre>
 * rules:
 *   - id: quake-burst
 *     name: Earthquake picked up by several outlets
 *     keywords: [quake, earthquake]
 *     trigger: burst          # every | burst | new-story
 *     group-by: story         # story | region (burst only)
 *     min-articles: 3
 *     min-sources: 2
 *     window: 6h
 *     grace: 1h
 *     cooldown: 12h
 * </pre>
 */
public final class RuleFiles {

    /** Cooldown when a rule does not say: one story or region fires at most once an hour. */
    public static final Duration DEFAULT_COOLDOWN = Duration.ofHours(1);
    /** Grace when a burst rule does not say. */
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(10);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("id", "name", "enabled", "regions", "actors", "kinds", "keywords",
            "sources", "languages", "language", "min-confidence", "trigger", "group-by", "min-articles", "min-sources",
            "window", "grace", "cooldown");

    private RuleFiles() {
    }

    /** Reads and validates every rule in {@code file}; errors name the file and the rule. */
    public static List<AlertRule> read(Path file, Instant now) {
        try {
            return parse(Files.readString(file), file.toString(), now);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses and validates rules from YAML/JSON text; {@code origin} names it in errors. */
    public static List<AlertRule> parse(String text, String origin, Instant now) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IllegalArgumentException(origin + ": no rules in the file");
        }
        if (root.isObject() && root.has("rules")) {
            root = root.get("rules");
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(nodes::add);
        } else {
            nodes.add(root);
        }
        List<AlertRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            String where = origin + ": rule " + (i + 1);
            AlertRule rule = fromNode(nodes.get(i), where, now);
            if (!ids.add(rule.getRuleId())) {
                throw new IllegalArgumentException(where + ": id '" + rule.getRuleId() + "' appears twice");
            }
            rules.add(rule);
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException(origin + ": no rules in the file");
        }
        return rules;
    }

    private static AlertRule fromNode(JsonNode n, String where, Instant now) {
        if (!n.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping of rule fields, got " + n.getNodeType());
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown field '" + k + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        String id = text(n, "id", null);
        if (id == null) {
            throw new IllegalArgumentException(where + ": 'id' is required");
        }
        where = where + " (" + id + ")";
        String triggerText = text(n, "trigger", null);
        if (triggerText == null) {
            throw new IllegalArgumentException(where + ": 'trigger' is required (every, burst or new-story)");
        }
        AlertRule.Builder b = AlertRule.newBuilder()
                .setRuleId(id)
                .setName(text(n, "name", null))
                .setEnabled(!n.has("enabled") || n.get("enabled").asBoolean(true))
                .setRegions(list(n, "regions"))
                .setActors(list(n, "actors"))
                .setKinds(list(n, "kinds").stream().map(k -> k.toUpperCase(Locale.ROOT)).toList())
                .setKeywords(list(n, "keywords"))
                .setSources(list(n, "sources"))
                .setLanguages(n.has("language") ? list(n, "language") : list(n, "languages"))
                .setMinConfidence(n.has("min-confidence") ? number(n, "min-confidence", where) : 0.0)
                .setTrigger(trigger(triggerText, where))
                .setGroupBy(grouping(text(n, "group-by", "story"), where))
                .setMinArticles((int) (n.has("min-articles") ? number(n, "min-articles", where) : 1))
                .setMinSources((int) (n.has("min-sources") ? number(n, "min-sources", where) : 1))
                .setWindowMs(duration(n, "window", null, where))
                .setGraceMs(duration(n, "grace", DEFAULT_GRACE, where))
                .setCooldownMs(duration(n, "cooldown", DEFAULT_COOLDOWN, where))
                .setUpdatedAt(now);
        AlertRule rule = b.build();
        if (rule.getTrigger() == RuleTrigger.BURST && !n.has("window")) {
            throw new IllegalArgumentException(where + ": burst: 'window' is required (e.g. 30m)");
        }
        List<String> problems = RuleCheck.problems(rule);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(where + ": " + String.join("; ", problems));
        }
        return rule;
    }

    /** {@code every}, {@code burst} or {@code new-story} (any case, '_' or '-'). */
    public static RuleTrigger trigger(String text, String where) {
        String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return RuleTrigger.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown trigger '" + text + "' (every, burst or new-story)");
        }
    }

    /** {@code story} or {@code region}. */
    public static RuleGrouping grouping(String text, String where) {
        try {
            return RuleGrouping.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown group-by '" + text + "' (story or region)");
        }
    }

    /** The rule in the file format (kebab-case keys, durations like {@code 30m}), for {@code rules list --format json}. */
    public static ObjectNode toJson(AlertRule r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", r.getRuleId());
        if (r.getName() != null) {
            o.put("name", r.getName());
        }
        o.put("enabled", r.getEnabled());
        array(o, "regions", r.getRegions());
        array(o, "actors", r.getActors());
        array(o, "kinds", r.getKinds());
        array(o, "keywords", r.getKeywords());
        array(o, "sources", r.getSources());
        array(o, "languages", r.getLanguages());
        if (r.getMinConfidence() > 0) {
            o.put("min-confidence", r.getMinConfidence());
        }
        o.put("trigger", r.getTrigger().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (r.getTrigger() == RuleTrigger.BURST) {
            o.put("group-by", r.getGroupBy().name().toLowerCase(Locale.ROOT));
            o.put("min-articles", r.getMinArticles());
            o.put("min-sources", r.getMinSources());
            o.put("window", Durations.format(r.getWindowMs()));
            o.put("grace", Durations.format(r.getGraceMs()));
        }
        o.put("cooldown", Durations.format(r.getCooldownMs()));
        if (r.getUpdatedAt() != null) {
            o.put("updated-at", r.getUpdatedAt().toString());
        }
        return o;
    }

    private static void array(ObjectNode o, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = o.putArray(name);
            values.forEach(a::add);
        }
    }

    private static String text(JsonNode n, String key, String dflt) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() || v.asText().isBlank() ? dflt : v.asText().strip();
    }

    /** A list field: a YAML sequence or one comma-separated string. */
    private static List<String> list(JsonNode n, String key) {
        JsonNode v = n.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(x -> out.add(x.asText().strip()));
        } else {
            for (String s : v.asText().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    private static double number(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v.isNumber()) {
            return v.asDouble();
        }
        try {
            return Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a number, was '" + v.asText() + "'");
        }
    }

    private static long duration(JsonNode n, String key, Duration dflt, String where) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return dflt == null ? 0 : dflt.toMillis();
        }
        return Durations.parse(v.asText(), where + ": '" + key + "'").toMillis();
    }
}
