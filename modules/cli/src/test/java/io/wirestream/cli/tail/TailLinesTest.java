package io.wirestream.cli.tail;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.model.ActorKind;
import io.wirestream.model.ActorTag;
import io.wirestream.client.subscribe.Received;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.DuplicateStatus;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.RegionKind;
import io.wirestream.model.RegionTag;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TailLinesTest {

    private static final Instant RECORD_TIME = Instant.parse("2022-11-23T10:00:00Z");

    private static ActorTag actor(String name) {
        return ActorTag.newBuilder().setId(name.toLowerCase().replace(' ', '-')).setName(name).setKind(ActorKind.PERSON)
                .setConfidence(0.9).setMentionCount(1).setRule("test").build();
    }

    private static EnrichedArticle.Builder article() {
        return EnrichedArticle.newBuilder().setArticleId("a1").setStoryId("s1").setSource("wire").setTitle("Talks resume")
                .setBody("b").setIngestedAt(RECORD_TIME).setTagger("t").setTaggedAt(RECORD_TIME);
    }

    @Test
    void enrichedLineShowsTimeFocusTitleTopThreeActorsStoryAndDuplicates() {
        EnrichedArticle a = article().setPublishedAt(Instant.parse("2022-11-23T08:14:59Z")).setFocusRegion("AM")
                .setActors(List.of(actor("Nikol Pashinyan"), actor("Ilham Aliyev"), actor("Vladimir Putin"), actor("Charles Michel")))
                .build();

        assertThat(TailLines.enriched(a, RECORD_TIME, OptionalInt.of(2)))
                .isEqualTo("2022-11-23 08:14Z  AM  Talks resume  [Nikol Pashinyan, Ilham Aliyev, Vladimir Putin]  story=s1 dups=2");
    }

    @Test
    void withoutPublicationTimeRegionActorsOrKnownStoryTheLineSaysSo() {
        assertThat(TailLines.enriched(article().build(), RECORD_TIME, OptionalInt.empty()))
                .isEqualTo("2022-11-23 10:00Z  --  Talks resume  story=s1 dups=?");
    }

    @Test
    void aCityFocusReadsAsItsNameAndCountry() {
        RegionTag atlanta = RegionTag.newBuilder().setCode("geonames:4180439").setName("Atlanta").setKind(RegionKind.CITY)
                .setCountry("US").setConfidence(0.9).setMentionCount(2).setRule("test").build();
        EnrichedArticle a = article().setFocusRegion("geonames:4180439").setRegions(List.of(atlanta)).build();

        assertThat(TailLines.enriched(a, RECORD_TIME, OptionalInt.of(0)))
                .isEqualTo("2022-11-23 10:00Z  Atlanta (US)  Talks resume  story=s1 dups=0");
    }

    @Test
    void otherRecordsShowTimeKeyStatusAndTitle() {
        DuplicateDecision d = DuplicateDecision.newBuilder().setArticleId("a2").setStatus(DuplicateStatus.NEAR_DUPLICATE)
                .setDuplicateOf("a1").setSimilarity(0.9).setStoryId("s1").setSource("wire").setTitle("Talks resume again")
                .setEventTime(RECORD_TIME).setDecidedAt(RECORD_TIME).build();
        Received<DuplicateDecision> r = new Received<>("news.articles.duplicates", 0, 7, RECORD_TIME, "a2",
                new RecordHeaders(), d);

        assertThat(TailLines.other(r)).isEqualTo("2022-11-23 10:00Z  a2  NEAR_DUPLICATE  Talks resume again");
    }

    @Test
    void longOrMultiLineTitlesBecomeOneCutLine() {
        String title = "Word ".repeat(40) + "\nend";
        String line = TailLines.enriched(article().setTitle(title).build(), RECORD_TIME, OptionalInt.of(0));

        assertThat(line).doesNotContain("\n").contains("Word Word").contains("…  story=s1 dups=0");
        assertThat(line.substring(line.indexOf("--  ") + 4, line.indexOf("  story="))).hasSize(100);
    }
}
