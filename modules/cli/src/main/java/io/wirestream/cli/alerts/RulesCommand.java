package io.wirestream.cli.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.alerts.rules.RuleFiles;
import io.wirestream.alerts.rules.RuleMatcher;
import io.wirestream.alerts.rules.RuleTopic;
import io.wirestream.cli.ConnectionOptions;
import io.wirestream.model.AlertRule;
import io.wirestream.model.topic.TopicProvisioner;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirestream alerts rules add|list|remove}: the watch rules on the compacted {@code news.alert-rules} topic. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Manage the alert rules (compacted topic news.alert-rules; a running alerts service picks changes up at once).",
        subcommands = {RulesCommand.Add.class, RulesCommand.ListRules.class, RulesCommand.Remove.class})
public final class RulesCommand implements Runnable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The rules topic of these connection options, created when missing. */
    static RuleTopic topic(ConnectionOptions connection) {
        ServiceSettings settings = connection.settings("alerts-cli");
        Topics topics = StreamsService.topics(settings);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
            TopicProvisioner.createMissing(admin, List.of(topics.alertRules()));
        }
        return new RuleTopic(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()), topics.alertRules());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add or replace rules: from a YAML/JSON file (--file) or from options (--id and --trigger).",
                    "Durations: 30m, 2h, 1d, 1h30m or ISO-8601 (PT30M)."})
    public static final class Add implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "YAML or JSON file with one rule, a list, or 'rules:' and a list.")
            Path file;

            @ArgGroup(exclusive = false)
            Fields fields;
        }

        static final class Fields {
            @Option(names = "--id", required = true, description = "Rule id (letters, digits, '.', '_', '-'); an existing rule with this id is replaced.")
            String id;
            @Option(names = "--trigger", required = true, paramLabel = "every|burst|new-story", description = "When the rule fires.")
            String trigger;
            @Option(names = "--name", description = "Human name.")
            String name;
            @Option(names = "--region", split = ",", paramLabel = "CODE", description = "Region codes (ISO 3166-1/2), comma-separated or repeated.")
            List<String> regions = new ArrayList<>();
            @Option(names = "--actor", split = ",", paramLabel = "ID", description = "Actor ids or one word of them (putin).")
            List<String> actors = new ArrayList<>();
            @Option(names = "--kind", split = ",", paramLabel = "KIND", description = "Actor kinds (PERSON, GOVERNMENT, ...).")
            List<String> kinds = new ArrayList<>();
            @Option(names = "--keyword", split = ",", paramLabel = "WORDS", description = "Words or phrases in title or body (any of them).")
            List<String> keywords = new ArrayList<>();
            @Option(names = "--source", split = ",", paramLabel = "SOURCE", description = "Sources as connectors name them.")
            List<String> sources = new ArrayList<>();
            @Option(names = "--lang", split = ",", paramLabel = "CODE", description = "ISO 639-1 language codes.")
            List<String> languages = new ArrayList<>();
            @Option(names = "--min-confidence", paramLabel = "0..1", description = "Minimum confidence of the region/actor tags that match.")
            Double minConfidence;
            @Option(names = "--group-by", paramLabel = "story|region", description = "Burst: per story (copies count) or per region (default story).")
            String groupBy;
            @Option(names = "--min-articles", paramLabel = "N", description = "Burst: at least N articles ...")
            Integer minArticles;
            @Option(names = "--min-sources", paramLabel = "M", description = "Burst: ... from at least M distinct sources ...")
            Integer minSources;
            @Option(names = "--window", paramLabel = "DURATION", description = "Burst: ... within this window of event time.")
            String window;
            @Option(names = "--grace", paramLabel = "DURATION", description = "Burst: how late an article may arrive and still count (default 10m).")
            String grace;
            @Option(names = "--cooldown", paramLabel = "DURATION", description = "Quiet time per rule and story/region after firing (default 1h).")
            String cooldown;
            @Option(names = "--disabled", description = "Store the rule but do not fire it.")
            boolean disabled;
        }

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<AlertRule> rules;
            try {
                rules = source.file != null ? RuleFiles.read(source.file, Instant.now())
                        : RuleFiles.parse(new ObjectMapper().writeValueAsString(fields(source.fields)), "options", Instant.now());
            } catch (IllegalArgumentException | java.io.IOException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 2;
            }
            topic(connection).put(rules);
            for (AlertRule r : rules) {
                RuleMatcher m = new RuleMatcher(r);
                out.printf("rule %s: %s -> %s%s%n", r.getRuleId(), m.describeFilter(), m.describeTrigger(),
                        r.getEnabled() ? "" : " (disabled)");
            }
            out.printf("%d rule%s written to %s%n", rules.size(), rules.size() == 1 ? "" : "s", Topics.ALERT_RULES);
            return 0;
        }

        private static ObjectNode fields(Fields f) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("id", f.id);
            o.put("trigger", f.trigger);
            if (f.name != null) {
                o.put("name", f.name);
            }
            list(o, "regions", f.regions);
            list(o, "actors", f.actors);
            list(o, "kinds", f.kinds);
            list(o, "keywords", f.keywords);
            list(o, "sources", f.sources);
            list(o, "languages", f.languages);
            if (f.minConfidence != null) {
                o.put("min-confidence", f.minConfidence);
            }
            if (f.groupBy != null) {
                o.put("group-by", f.groupBy);
            }
            if (f.minArticles != null) {
                o.put("min-articles", f.minArticles);
            }
            if (f.minSources != null) {
                o.put("min-sources", f.minSources);
            }
            if (f.window != null) {
                o.put("window", f.window);
            }
            if (f.grace != null) {
                o.put("grace", f.grace);
            }
            if (f.cooldown != null) {
                o.put("cooldown", f.cooldown);
            }
            if (f.disabled) {
                o.put("enabled", false);
            }
            return o;
        }

        private static void list(ObjectNode o, String name, List<String> values) {
            if (!values.isEmpty()) {
                ArrayNode a = o.putArray(name);
                values.forEach(a::add);
            }
        }
    }

    /** Output formats of {@code rules list}. */
    public enum Format { TABLE, JSON }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the current rules (reads news.alert-rules to its end).")
    public static final class ListRules implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Option(names = "--format", defaultValue = "table", paramLabel = "table|json", description = "Output format (default: ${DEFAULT-VALUE}); json is one array in the rule-file format.")
        Format format;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Map<String, AlertRule> rules = topic(connection).read(READ_TIMEOUT);
            if (format == Format.JSON) {
                ArrayNode a = new ObjectMapper().createArrayNode();
                rules.values().forEach(r -> a.add(RuleFiles.toJson(r)));
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(a));
                return 0;
            }
            if (rules.isEmpty()) {
                out.println("no rules (add one with: wirestream alerts rules add --id ID --trigger every --keyword WORD)");
                return 0;
            }
            int w = Math.max(2, rules.keySet().stream().mapToInt(String::length).max().orElse(2));
            int t = Math.max(7, rules.values().stream().mapToInt(r -> new RuleMatcher(r).describeTrigger().length()).max().orElse(7));
            String row = "%-" + w + "s  %-3s  %-" + t + "s  %s%s%n";
            out.printf(row, "ID", "ON", "TRIGGER", "FILTER", "");
            for (AlertRule r : rules.values()) {
                RuleMatcher m = new RuleMatcher(r);
                out.printf(row, r.getRuleId(), r.getEnabled() ? "yes" : "no", m.describeTrigger(), m.describeFilter(),
                        r.getName() == null ? "" : "  (" + r.getName() + ")");
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove rules (a tombstone on news.alert-rules): the running service stops firing them at once.")
    public static final class Remove implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(arity = "1..*", paramLabel = "ID", description = "Ids of the rules to remove.")
        List<String> ids;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RuleTopic topic = topic(connection);
            Map<String, AlertRule> current = topic.read(READ_TIMEOUT);
            List<String> unknown = ids.stream().filter(id -> !current.containsKey(id)).toList();
            if (!unknown.isEmpty()) {
                spec.commandLine().getErr().printf("error: no rule %s (rules: %s)%n", String.join(", ", unknown),
                        current.isEmpty() ? "none" : String.join(", ", current.keySet()));
                return 1;
            }
            ids.forEach(topic::remove);
            ids.forEach(id -> spec.commandLine().getOut().println("removed rule " + id));
            return 0;
        }
    }
}
