package io.wirestream.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.model.ActorTag;
import io.wirestream.model.DedupedArticle;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.Mention;
import io.wirestream.model.RawArticle;
import io.wirestream.model.RegionTag;
import io.wirestream.model.TextField;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaggerTest {

    private final Tagger tagger = new Tagger();

    private static EnrichedArticle tag(Tagger tagger, String title, String body) {
        RawArticle a = RawArticle.newBuilder().setArticleId("a1").setSource("s").setTitle(title).setBody(body)
                .setIngestedAt(Instant.EPOCH).setContentHash("h").build();
        return tagger.tag(DedupedArticle.newBuilder().setArticleId("a1").setStoryId("story-1").setArticle(a)
                .setDecidedAt(Instant.EPOCH).build(), 42L);
    }

    private static String at(EnrichedArticle e, Mention m) {
        String text = m.getField() == TextField.TITLE ? e.getTitle() : e.getBody();
        return text.substring(m.getStart(), m.getEnd());
    }

    @Test
    void countryInTitleIsTheFocusAndOffsetsPointAtTheName() {
        EnrichedArticle e = tag(tagger, "Armenia and Azerbaijan resume talks",
                "Negotiators met in Vienna. Officials from Armenia said talks with Azerbaijan and Austria went well.");
        assertThat(e.getRegions()).extracting(RegionTag::getCode).contains("AM", "AZ", "AT");
        assertThat(e.getFocusRegion()).isEqualTo("AM");
        for (RegionTag r : e.getRegions()) {
            assertThat(r.getMentionCount()).isEqualTo(r.getMentions().size());
            for (Mention m : r.getMentions()) {
                assertThat(at(e, m)).isEqualTo(m.getSurface());
            }
        }
    }

    @Test
    void longestNameWinsSoSouthSudanIsNotAlsoSudan() {
        EnrichedArticle e = tag(tagger, "Aid convoy", "The convoy crossed into South Sudan on Monday.");
        assertThat(e.getRegions()).extracting(RegionTag::getCode).containsExactly("SS");
    }

    @Test
    void nigerInsideNigeriaIsNotAMention() {
        EnrichedArticle e = tag(tagger, "Drought", "Farmers in Nigeria and Niger lost crops.");
        RegionTag niger = e.getRegions().stream().filter(r -> r.getCode().equals("NE")).findFirst().orElseThrow();
        assertThat(niger.getMentionCount()).isEqualTo(1);
    }

    @Test
    void lowerCaseWordsAreNotCountries() {
        EnrichedArticle e = tag(tagger, "Holiday dinner", "They ate turkey and said it was a nice chad of paper.");
        assertThat(e.getRegions()).isEmpty();
        assertThat(e.getFocusRegion()).isNull();
    }

    @Test
    void titledPersonIsDiscoveredAndSurnameMentionsCount() {
        EnrichedArticle e = tag(tagger, "Talks resume",
                "Foreign Minister Lena Hartmann arrived on Monday. Hartmann said the talks were useful.");
        ActorTag p = e.getActors().get(0);
        assertThat(p.getName()).isEqualTo("Lena Hartmann");
        assertThat(p.getRole()).isEqualTo("Foreign Minister");
        assertThat(p.getId()).isEqualTo("discovered:lena-hartmann");
        assertThat(p.getMentionCount()).isEqualTo(2);
        assertThat(p.getMentions()).extracting(Mention::getRule).containsExactly("title-pattern", "surname-coreference");
        p.getMentions().forEach(m -> assertThat(at(e, m)).isEqualTo(m.getSurface()));
    }

    @Test
    void taggedAtIsTheGivenStreamTimeSoReplaysAreIdentical() {
        EnrichedArticle a = tag(tagger, "Armenia", "Body text about Armenia.");
        EnrichedArticle b = tag(new Tagger(), "Armenia", "Body text about Armenia.");
        assertThat(a).isEqualTo(b);
        assertThat(a.getTaggedAt()).isEqualTo(Instant.ofEpochMilli(42));
    }
}
