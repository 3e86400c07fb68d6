package io.wirestream.registry.testing;

import io.wirestream.model.ActorKind;
import io.wirestream.model.ActorTag;
import io.wirestream.model.Alert;
import io.wirestream.model.AlertArticle;
import io.wirestream.model.AlertRule;
import io.wirestream.model.AlertTrigger;
import io.wirestream.model.DedupedArticle;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.DuplicateStatus;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.Mention;
import io.wirestream.model.RawArticle;
import io.wirestream.model.RegionKind;
import io.wirestream.model.RegionTag;
import io.wirestream.model.RuleGrouping;
import io.wirestream.model.RuleTrigger;
import io.wirestream.model.SourceDocument;
import io.wirestream.model.Story;
import io.wirestream.model.TextField;
import io.wirestream.model.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Realistic instances of every top-level record of the model, with nested tags and mentions filled in. */
public final class ModelFixtures {

    private static final Instant PUBLISHED = Instant.parse("2025-03-14T08:30:00.123Z");
    private static final Instant INGESTED = Instant.parse("2025-03-14T08:31:02.456Z");
    private static final String TITLE = "Armenia and Azerbaijan agree draft peace treaty text";
    private static final String BODY = "YEREVAN — Armenia and Azerbaijan have agreed the text of a peace treaty, "
            + "Prime Minister Nikol Pashinyan said on Thursday.\n\nThe deal still needs to be signed.";

    /** A record and the topic it travels on. */
    public record Sample(String topic, SpecificRecord record) {
    }

    private ModelFixtures() {
    }

    /** One sample per topic of the catalogue that carries Avro. */
    public static List<Sample> samples() {
        return List.of(
                new Sample(Topics.DOCUMENTS, sourceDocument()),
                new Sample(Topics.ARTICLES_RAW, rawArticle()),
                new Sample(Topics.ARTICLES_DEDUPED, dedupedArticle()),
                new Sample(Topics.DUPLICATES, duplicateDecision()),
                new Sample(Topics.STORIES, story()),
                new Sample(Topics.ENRICHED, enrichedArticle()),
                new Sample(Topics.ALERT_RULES, alertRule()),
                new Sample(Topics.ALERTS, alert()));
    }

    public static SourceDocument sourceDocument() {
        return SourceDocument.newBuilder()
                .setDocumentId("doc-7f3a9c")
                .setConnector("rss")
                .setSource("https://news.example.am/feed.xml")
                .setLocation("https://news.example.am/feed.xml")
                .setUrl("https://news.example.am/politics/peace-treaty?utm_source=rss")
                .setContentType("text/html")
                .setCharset("UTF-8")
                .setContent(ByteBuffer.wrap(("<html><body><h1>" + TITLE + "</h1><p>" + BODY + "</p></body></html>")
                        .getBytes(StandardCharsets.UTF_8)))
                .setFetchedAt(INGESTED)
                .setFeedTitle("Example News — Politics")
                .setItemTitle(TITLE)
                .setItemPublishedAt(PUBLISHED)
                .setMetadata(Map.of("etag", "\"33a64df5\"", "category", "politics"))
                .build();
    }

    public static RawArticle rawArticle() {
        return RawArticle.newBuilder()
                .setArticleId("art-5d41402a")
                .setRevision(2)
                .setDocumentId("doc-7f3a9c")
                .setSource("https://news.example.am/feed.xml")
                .setPublisher("Example News")
                .setUrl("https://news.example.am/politics/peace-treaty?utm_source=rss")
                .setCanonicalUrl("https://news.example.am/politics/peace-treaty")
                .setTitle(TITLE)
                .setBody(BODY)
                .setByline("By Anna Hakobyan")
                .setCaptions(List.of("Pashinyan speaks in Yerevan."))
                .setCredits(List.of("Photo: Example/Agency"))
                .setLanguage("en")
                .setPublishedAt(PUBLISHED)
                .setPublishedApproximate(false)
                .setIngestedAt(INGESTED)
                .setContentHash("9e107d9d372bb6826bd81d3542a419d6")
                .setExtractor("wirestream-extractor/0.1.0")
                .build();
    }

    public static DedupedArticle dedupedArticle() {
        return DedupedArticle.newBuilder()
                .setArticleId("art-5d41402a")
                .setStoryId("story-5d41402a")
                .setArticle(rawArticle())
                .setDecidedAt(INGESTED.plusMillis(250))
                .build();
    }

    public static DuplicateDecision duplicateDecision() {
        return DuplicateDecision.newBuilder()
                .setArticleId("art-e4da3b7f")
                .setStatus(DuplicateStatus.NEAR_DUPLICATE)
                .setDuplicateOf("art-5d41402a")
                .setSimilarity(0.87)
                .setStoryId("story-5d41402a")
                .setSource("https://wire.example.com/rss")
                .setTitle("Armenia, Azerbaijan agree peace treaty text")
                .setEventTime(PUBLISHED.plusSeconds(600))
                .setCorrection(true)
                .setPreviousStatus(DuplicateStatus.ORIGINAL)
                .setPreviousDuplicateOf(null)
                .setReason("lsh candidate, estimated jaccard 0.87")
                .setDecidedAt(INGESTED.plusSeconds(5))
                .build();
    }

    public static Story story() {
        return Story.newBuilder()
                .setStoryId("story-5d41402a")
                .setFirstArticleId("art-5d41402a")
                .setTitle(TITLE)
                .setMemberCount(3)
                .setArticleIds(List.of("art-5d41402a", "art-e4da3b7f", "art-1679091c"))
                .setSources(List.of("https://news.example.am/feed.xml", "https://wire.example.com/rss"))
                .setFirstSeen(PUBLISHED)
                .setLastSeen(PUBLISHED.plusSeconds(3600))
                .setMergedInto(null)
                .build();
    }

    public static EnrichedArticle enrichedArticle() {
        Mention armeniaTitle = new Mention(TextField.TITLE, 0, 7, "Armenia", "gazetteer:name");
        Mention armeniaBody = new Mention(TextField.BODY, 10, 17, "Armenia", "gazetteer:name");
        Mention azerbaijan = new Mention(TextField.TITLE, 12, 22, "Azerbaijan", "gazetteer:name");
        Mention pashinyan = new Mention(TextField.BODY, 103, 118, "Nikol Pashinyan", "dictionary:person");
        RegionTag am = RegionTag.newBuilder()
                .setCode("AM").setName("Armenia").setKind(RegionKind.COUNTRY).setCountry("AM")
                .setLat(40.0691).setLon(45.0382).setConfidence(0.97).setFocus(true).setMentionCount(2)
                .setMentions(List.of(armeniaTitle, armeniaBody)).setRule("focus:title+dateline")
                .build();
        RegionTag az = RegionTag.newBuilder()
                .setCode("AZ").setName("Azerbaijan").setKind(RegionKind.COUNTRY).setCountry(null)
                .setLat(null).setLon(null).setConfidence(0.9).setFocus(false).setMentionCount(1)
                .setMentions(List.of(azerbaijan)).setRule("gazetteer:name")
                .build();
        ActorTag pm = ActorTag.newBuilder()
                .setId("person:nikol-pashinyan").setName("Nikol Pashinyan").setKind(ActorKind.PERSON)
                .setCountry("AM").setRole("Prime Minister of Armenia").setKnown(true).setConfidence(0.99)
                .setMentionCount(1).setMentions(List.of(pashinyan)).setRule("dictionary:person")
                .build();
        return EnrichedArticle.newBuilder()
                .setArticleId("art-5d41402a")
                .setStoryId("story-5d41402a")
                .setSource("https://news.example.am/feed.xml")
                .setPublisher("Example News")
                .setUrl("https://news.example.am/politics/peace-treaty")
                .setTitle(TITLE)
                .setBody(BODY)
                .setLanguage("en")
                .setPublishedAt(PUBLISHED)
                .setIngestedAt(INGESTED)
                .setFocusRegion("AM")
                .setRegions(List.of(am, az))
                .setActors(List.of(pm))
                .setTagger("wirestream-tagger/0.1.0+gazetteer-2025.03")
                .setTaggedAt(INGESTED.plusSeconds(1))
                .build();
    }

    public static AlertRule alertRule() {
        return AlertRule.newBuilder()
                .setRuleId("caucasus-burst")
                .setName("South Caucasus burst")
                .setRegions(List.of("AM", "AZ"))
                .setActors(List.of("pashinyan"))
                .setKinds(List.of("PERSON"))
                .setKeywords(List.of("peace treaty"))
                .setSources(List.of("https://wire.example.com/rss"))
                .setLanguages(List.of("en"))
                .setMinConfidence(0.5)
                .setTrigger(RuleTrigger.BURST)
                .setGroupBy(RuleGrouping.REGION)
                .setMinArticles(3)
                .setMinSources(2)
                .setWindowMs(3_600_000L)
                .setGraceMs(300_000L)
                .setCooldownMs(7_200_000L)
                .setUpdatedAt(INGESTED)
                .build();
    }

    public static Alert alert() {
        return Alert.newBuilder()
                .setAlertId("alert-caucasus-burst-2025-03-14T08")
                .setRuleId("caucasus-burst")
                .setRuleName("South Caucasus burst")
                .setTrigger(AlertTrigger.BURST)
                .setStoryId(null)
                .setRegion("AM")
                .setArticles(List.of(
                        new AlertArticle("art-5d41402a", TITLE, "https://news.example.am/feed.xml", PUBLISHED),
                        new AlertArticle("art-e4da3b7f", "Armenia, Azerbaijan agree peace treaty text",
                                "https://wire.example.com/rss", null)))
                .setDistinctSources(2)
                .setWindowStart(Instant.parse("2025-03-14T08:00:00Z"))
                .setWindowEnd(Instant.parse("2025-03-14T09:00:00Z"))
                .setExplanation("2 articles from 2 sources about AM within 1 h")
                .setFiredAt(INGESTED.plusSeconds(2))
                .build();
    }
}
