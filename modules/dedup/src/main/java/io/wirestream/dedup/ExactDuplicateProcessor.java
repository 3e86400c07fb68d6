package io.wirestream.dedup;

import io.wirestream.model.DedupedArticle;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.DuplicateStatus;
import io.wirestream.model.RawArticle;
import io.wirestream.model.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decides exact duplicates among articles with the same content hash (the record key). The index keeps,
 * per hash, the story those articles form; the decision store keeps each article's latest decision so
 * that re-ingesting an article is idempotent and corrections can say what they replace.
 *
 * <p>Emits, keyed for their topics: one {@link DuplicateDecision} per article (plus corrections for
 * earlier members when a copy with an earlier event time arrives late), a {@link DedupedArticle} for each
 * article that becomes an original, and the story's new state.
 */
final class ExactDuplicateProcessor implements Processor<String, RawArticle, String, SpecificRecord> {

    /** Member ids kept per story; {@code memberCount} stays exact beyond it. */
    static final int MAX_MEMBER_IDS = 1_000;

    private final String indexStoreName;
    private final String decisionStoreName;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, Story> index;
    private KeyValueStore<String, DuplicateDecision> decisions;

    ExactDuplicateProcessor(String indexStoreName, String decisionStoreName) {
        this.indexStoreName = indexStoreName;
        this.decisionStoreName = decisionStoreName;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.index = context.getStateStore(indexStoreName);
        this.decisions = context.getStateStore(decisionStoreName);
    }

    @Override
    public void process(Record<String, RawArticle> record) {
        RawArticle article = record.value();
        if (article == null) {
            throw new IllegalArgumentException("article record with content hash " + record.key() + " has no value");
        }
        String hash = record.key();
        long eventTime = DedupService.eventTime(article);
        long now = record.timestamp();
        Story story = index.get(hash);
        DuplicateDecision previous = decisions.get(article.getArticleId());

        if (story == null) {
            story = newStory(hash, article, eventTime);
            decide(article, DuplicateStatus.ORIGINAL, null, story.getStoryId(), "first article with this content hash", now);
            emitOriginal(article, story.getStoryId(), now);
        } else if (previous != null) {
            // The same article again (re-ingest, replay): repeat its current decision, change nothing.
            forward(article.getArticleId(), previous, now);
            return;
        } else if (isEarlier(eventTime, article.getArticleId(), story.getFirstSeen().toEpochMilli(), story.getFirstArticleId())) {
            String oldFirst = story.getFirstArticleId();
            decide(article, DuplicateStatus.ORIGINAL, null, story.getStoryId(),
                    "earliest article with this content hash (arrived after " + oldFirst + ")", now);
            emitOriginal(article, story.getStoryId(), now);
            for (String member : story.getArticleIds()) {
                correct(member, article.getArticleId(), now);
            }
            story.setFirstArticleId(article.getArticleId());
            story.setTitle(article.getTitle());
            story.setFirstSeen(Instant.ofEpochMilli(eventTime));
            addMember(story, article, eventTime, true);
        } else {
            decide(article, DuplicateStatus.EXACT_DUPLICATE, story.getFirstArticleId(), story.getStoryId(),
                    "same normalised text as " + story.getFirstArticleId(), now);
            addMember(story, article, eventTime, false);
        }
        index.put(hash, story);
        forward(story.getStoryId(), story, now);
    }

    private Story newStory(String hash, RawArticle a, long eventTime) {
        Instant t = Instant.ofEpochMilli(eventTime);
        return Story.newBuilder()
                .setStoryId("story-" + hash.substring(0, Math.min(16, hash.length())))
                .setFirstArticleId(a.getArticleId())
                .setTitle(a.getTitle())
                .setMemberCount(1)
                .setArticleIds(new ArrayList<>(List.of(a.getArticleId())))
                .setSources(new ArrayList<>(List.of(a.getSource())))
                .setFirstSeen(t)
                .setLastSeen(t)
                .build();
    }

    private static void addMember(Story story, RawArticle a, long eventTime, boolean first) {
        story.setMemberCount(story.getMemberCount() + 1);
        List<String> ids = new ArrayList<>(story.getArticleIds());
        if (first) {
            ids.add(0, a.getArticleId());
        } else if (ids.size() < MAX_MEMBER_IDS) {
            ids.add(a.getArticleId());
        }
        story.setArticleIds(ids.size() > MAX_MEMBER_IDS ? ids.subList(0, MAX_MEMBER_IDS) : ids);
        TreeSet<String> sources = new TreeSet<>(story.getSources());
        sources.add(a.getSource());
        story.setSources(new ArrayList<>(sources));
        if (eventTime > story.getLastSeen().toEpochMilli()) {
            story.setLastSeen(Instant.ofEpochMilli(eventTime));
        }
    }

    private void decide(RawArticle a, DuplicateStatus status, String duplicateOf, String storyId, String reason, long now) {
        DuplicateDecision d = DuplicateDecision.newBuilder()
                .setArticleId(a.getArticleId())
                .setStatus(status)
                .setDuplicateOf(duplicateOf)
                .setSimilarity(1.0)
                .setStoryId(storyId)
                .setSource(a.getSource())
                .setTitle(a.getTitle())
                .setEventTime(Instant.ofEpochMilli(DedupService.eventTime(a)))
                .setReason(reason)
                .setDecidedAt(Instant.ofEpochMilli(now))
                .build();
        decisions.put(a.getArticleId(), d);
        forward(a.getArticleId(), d, now);
    }

    /** Re-points an earlier member at the new original and publishes the correction. */
    private void correct(String memberId, String newOriginal, long now) {
        DuplicateDecision before = decisions.get(memberId);
        if (before == null) {
            return;
        }
        DuplicateDecision after = DuplicateDecision.newBuilder(before)
                .setStatus(DuplicateStatus.EXACT_DUPLICATE)
                .setDuplicateOf(newOriginal)
                .setCorrection(true)
                .setPreviousStatus(before.getStatus())
                .setPreviousDuplicateOf(before.getDuplicateOf())
                .setReason("correction: " + newOriginal + " has the same text and an earlier event time")
                .setDecidedAt(Instant.ofEpochMilli(now))
                .build();
        decisions.put(memberId, after);
        forward(memberId, after, now);
    }

    private void emitOriginal(RawArticle a, String storyId, long now) {
        forward(a.getArticleId(), DedupedArticle.newBuilder()
                .setArticleId(a.getArticleId())
                .setStoryId(storyId)
                .setArticle(a)
                .setDecidedAt(Instant.ofEpochMilli(now))
                .build(), now);
    }

    private void forward(String key, SpecificRecord value, long timestamp) {
        context.forward(new Record<>(key, value, timestamp));
    }

    /** Event time first, article id as the tie-break: the order that makes decisions deterministic. */
    static boolean isEarlier(long t1, String id1, long t2, String id2) {
        return t1 < t2 || t1 == t2 && id1.compareTo(id2) < 0;
    }
}
