package io.wirestream.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.client.Durations;
import io.wirestream.alerts.rules.RuleFiles;
import io.wirestream.model.AlertRule;
import io.wirestream.model.RuleGrouping;
import io.wirestream.model.RuleTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleFilesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void yamlFileWithSeveralRulesParsesEveryField() {
        List<AlertRule> rules = RuleFiles.parse("""
                rules:
                  - id: quake-burst
                    name: Quake picked up widely
                    keywords: [quake, earthquake]
                    regions: JP, CL
                    min-confidence: 0.7
                    trigger: burst
                    group-by: region
                    min-articles: 4
                    min-sources: 3
                    window: 30m
                    grace: 5m
                    cooldown: 2h
                  - id: putin
                    actors: [putin]
                    kinds: [person]
                    sources: [Northgate Wire]
                    language: en
                    trigger: new-story
                """, "rules.yaml", NOW);
        assertThat(rules).hasSize(2);
        AlertRule b = rules.get(0);
        assertThat(b.getRuleId()).isEqualTo("quake-burst");
        assertThat(b.getName()).isEqualTo("Quake picked up widely");
        assertThat(b.getKeywords()).containsExactly("quake", "earthquake");
        assertThat(b.getRegions()).containsExactly("JP", "CL");
        assertThat(b.getMinConfidence()).isEqualTo(0.7);
        assertThat(b.getTrigger()).isEqualTo(RuleTrigger.BURST);
        assertThat(b.getGroupBy()).isEqualTo(RuleGrouping.REGION);
        assertThat(b.getMinArticles()).isEqualTo(4);
        assertThat(b.getMinSources()).isEqualTo(3);
        assertThat(b.getWindowMs()).isEqualTo(Duration.ofMinutes(30).toMillis());
        assertThat(b.getGraceMs()).isEqualTo(Duration.ofMinutes(5).toMillis());
        assertThat(b.getCooldownMs()).isEqualTo(Duration.ofHours(2).toMillis());
        assertThat(b.getUpdatedAt()).isEqualTo(NOW);
        AlertRule n = rules.get(1);
        assertThat(n.getTrigger()).isEqualTo(RuleTrigger.NEW_STORY);
        assertThat(n.getKinds()).containsExactly("PERSON");
        assertThat(n.getLanguages()).containsExactly("en");
        assertThat(n.getSources()).containsExactly("Northgate Wire");
        assertThat(n.getCooldownMs()).isEqualTo(Duration.ofHours(1).toMillis());
        assertThat(n.getEnabled()).isTrue();
    }

    @Test
    void oneRuleWithoutTheListIsAccepted() {
        assertThat(RuleFiles.parse("{\"id\": \"x\", \"trigger\": \"every\"}", "x.json", NOW))
                .singleElement().satisfies(r -> assertThat(r.getTrigger()).isEqualTo(RuleTrigger.EVERY));
    }

    @Test
    void invalidRulesAreRejectedWithTheRuleAndFieldNamed() {
        assertThatThrownBy(() -> RuleFiles.parse("- id: a\n  trigger: sometimes\n", "f.yaml", NOW))
                .hasMessage("f.yaml: rule 1 (a): unknown trigger 'sometimes' (every, burst or new-story)");
        assertThatThrownBy(() -> RuleFiles.parse("- id: a\n  trigger: burst\n", "f.yaml", NOW))
                .hasMessage("f.yaml: rule 1 (a): burst: 'window' is required (e.g. 30m)");
        assertThatThrownBy(() -> RuleFiles.parse("- id: a\n  trigger: burst\n  window: 0\n  min-articles: 0\n", "f.yaml", NOW))
                .hasMessageContaining("min-articles (N) must be >= 1, was 0").hasMessageContaining("window must be > 0");
        assertThatThrownBy(() -> RuleFiles.parse("- id: a\n  trigger: burst\n  window: 10 minutes\n", "f.yaml", NOW))
                .hasMessageContaining("'window': '10 minutes' is not a duration");
        assertThatThrownBy(() -> RuleFiles.parse("- id: a\n  trigger: every\n  colour: red\n", "f.yaml", NOW))
                .hasMessageStartingWith("f.yaml: rule 1: unknown field 'colour'");
        assertThatThrownBy(() -> RuleFiles.parse("- id: a\n  trigger: every\n- id: a\n  trigger: every\n", "f.yaml", NOW))
                .hasMessage("f.yaml: rule 2: id 'a' appears twice");
        assertThatThrownBy(() -> RuleFiles.parse("- id: 'bad id'\n  trigger: every\n", "f.yaml", NOW))
                .hasMessageContaining("id 'bad id' must be");
        assertThatThrownBy(() -> RuleFiles.parse("rules: [", "f.yaml", NOW)).hasMessageStartingWith("f.yaml: not valid YAML");
    }

    @Test
    void durationsReadAndWriteTheShortForm() {
        assertThat(Durations.parse("1h30m", "x")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("PT45S", "x")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Durations.parse("2d", "x")).isEqualTo(Duration.ofDays(2));
        assertThat(Durations.format(Duration.ofMinutes(90).toMillis())).isEqualTo("1h30m");
        assertThat(Durations.format(1500)).isEqualTo("1s500ms");
    }
}
