package io.wirestream.dedup.stream;

import io.wirestream.dedup.core.BucketEntry;
import io.wirestream.dedup.core.Candidate;
import io.wirestream.dedup.core.DecisionRule;
import io.wirestream.dedup.core.DedupConfig;
import io.wirestream.dedup.core.Decision;
import io.wirestream.dedup.core.Fingerprint;
import io.wirestream.dedup.core.Fingerprinter;
import io.wirestream.model.DedupedArticle;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.RawArticle;
import io.wirestream.text.minhash.Jaccard;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The article side of dedup, partitioned by article id. Receives articles (from the raw topic) and
 * {@link Signal}s (from the loop topic) for the articles of its partitions.
 *
 * <p>An article is fingerprinted and sent to its buckets; once every bucket has answered, the best
 * candidate under the {@link DecisionRule} is known. An original is decided at once; a duplicate first
 * asks the article it duplicates for its story, and is published when the answer comes. Late candidates
 * (an earlier article that arrived later) move the decision to an earlier duplicate-of, never to a later
 * one, and story changes flow down to the dependents: whatever the arrival order, the last published
 * decision of every article is what processing in event order would have given.
 */
final class ArticleProcessor implements Processor<String, Object, String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleProcessor.class);

    private static final long PURGE_EVERY_MS = Duration.ofHours(1).toMillis();

    private final DedupConfig config;
    private final String storeName;
    private final String pendingStoreName;
    private final String bodiesStoreName;
    private final String shinglesStoreName;
    /** Partitions of the band topic the buckets are grouped for (see {@link BandRecord#batches}). */
    private final int bandPartitions;
    private final DecisionRule rule;
    private Fingerprinter fingerprinter;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, ArticleState> store;
    /** Articles held back as originals until {@code dedup.publish.delay} has passed: id → wall-clock release time. */
    private KeyValueStore<String, Long> pending;
    /** Written once per article, dropped when its first decision is published. */
    private KeyValueStore<String, RawArticle> bodies;
    /** Written once per article, dropped with its state. */
    private KeyValueStore<String, long[]> shingles;

    ArticleProcessor(DedupConfig config, String storeName, String pendingStoreName, String bodiesStoreName,
            String shinglesStoreName, int bandPartitions) {
        this.config = config;
        this.storeName = storeName;
        this.pendingStoreName = pendingStoreName;
        this.bodiesStoreName = bodiesStoreName;
        this.shinglesStoreName = shinglesStoreName;
        this.bandPartitions = bandPartitions;
        this.rule = new DecisionRule(config.threshold());
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        this.pending = context.getStateStore(pendingStoreName);
        this.bodies = context.getStateStore(bodiesStoreName);
        this.shingles = context.getStateStore(shinglesStoreName);
        this.fingerprinter = new Fingerprinter(config);
        if (!config.publishDelay().isZero()) {
            long every = Math.max(50, Math.min(1_000, config.publishDelay().toMillis() / 4));
            context.schedule(Duration.ofMillis(every), PunctuationType.WALL_CLOCK_TIME, this::release);
        }
        context.schedule(Duration.ofMillis(PURGE_EVERY_MS), PunctuationType.WALL_CLOCK_TIME, this::purge);
    }

    @Override
    public void process(Record<String, Object> record) {
        Object value = Objects.requireNonNull(record.value(), () -> "dedup: record " + record.key() + " has no value");
        if (value instanceof RawArticle article) {
            onArticle(article, record.timestamp());
        } else if (value instanceof Signal signal) {
            onSignal(record.key(), signal, record.timestamp());
        } else {
            throw new IllegalArgumentException("dedup: unexpected record type " + value.getClass().getName());
        }
    }

    private void onArticle(RawArticle a, long now) {
        ArticleState existing = store.get(a.getArticleId());
        if (existing != null) {
            // The same article again (re-ingest, replay into a live app): repeat its decision, change nothing.
            if (existing.published != null) {
                emitDecision(existing, existing.published, existing.publishedStory, null, null, now);
            }
            return;
        }
        long eventTime = eventTime(a);
        Fingerprint fp = fingerprinter.fingerprint(a.getTitle(), a.getBody(), a.getContentHash());
        BucketEntry entry = new BucketEntry(a.getArticleId(), eventTime, fp.contentHash(), fp.sketch());
        ArticleState s = new ArticleState();
        s.articleId = a.getArticleId();
        s.eventTime = eventTime;
        s.arrivedAt = context.currentSystemTimeMs();
        s.source = a.getSource();
        s.title = a.getTitle();
        s.bodyKept = true;
        s.expectedBands = 1 + fp.bandKeys().length;
        store.put(s.articleId, s);
        bodies.put(s.articleId, a);
        shingles.put(s.articleId, fp.shingleSet());
        for (BandRecord batch : BandRecord.batches(entry, fp.contentHash(), fp.bandKeys(), bandPartitions)) {
            forward(s.articleId, batch, now);
        }
    }

    private void onSignal(String target, Signal signal, long now) {
        ArticleState s = store.get(target);
        if (s == null) {
            answerForUnknown(target, signal, now);
            return;
        }
        switch (signal.kind()) {
            case BAND_DONE -> {
                signal.candidates().forEach(c -> offer(s, c, now));
                s.bandsDone += signal.bands();
                settle(s, now);
            }
            case LATE_CANDIDATE -> {
                signal.candidates().forEach(c -> offer(s, c, now));
                settle(s, now);
            }
            case VERIFY -> {
                Candidate asked = signal.candidates().get(0);
                forward(signal.from(), Signal.verified(asked.verifiedAs(Jaccard.exact(shinglesOf(s), signal.shingles()))), now);
                return;      // answering changes nothing here: no store write
            }
            case VERIFIED -> {
                Candidate c = signal.candidates().get(0);
                s.awaiting.remove(c.articleId());
                consider(s, c);
                settle(s, now);
            }
            case ASK_STORY -> {
                s.dependents.add(signal.from());
                if (s.storyId != null) {
                    forward(signal.from(), Signal.storyIs(s.articleId, s.storyId), now);
                }
            }
            case STORY_IS -> {
                if (signal.from().equals(s.resolvedFor) && s.best.isDuplicate()) {
                    setStory(s, signal.storyId(), now);
                }
            }
            case DETACH -> s.dependents.remove(signal.from());
        }
        store.put(target, s);
    }

    /** A candidate from a bucket: applied at once, or first verified exactly when its estimate is borderline. */
    private void offer(ArticleState s, Candidate c, long now) {
        if (!rule.needsVerification(c)) {
            consider(s, c);
        } else if (s.awaiting.add(c.articleId())) {
            forward(c.articleId(), Signal.verify(s.articleId, c, shinglesOf(s)), now);
        }
    }

    /**
     * Once the best candidate is known (every bucket answered, every verification back), settles the
     * decision on it if it is not settled on it already: an original publishes at once, a duplicate asks
     * what it duplicates for its story (and detaches from what it duplicated before, if anything).
     */
    private void settle(ArticleState s, long now) {
        if (!s.ready()) {
            return;
        }
        String target = s.best.isDuplicate() ? s.best.duplicateOf() : "";
        if (target.equals(s.resolvedFor)) {
            return;
        }
        if (s.resolvedFor != null && !s.resolvedFor.isEmpty()) {
            forward(s.resolvedFor, Signal.detach(s.articleId), now);
        }
        s.resolvedFor = target;
        if (target.isEmpty()) {
            if (s.published == null && !config.publishDelay().isZero()) {
                // Hold a would-be original: an earlier copy still in flight may yet claim it (see release).
                pending.put(s.articleId, s.arrivedAt + config.publishDelay().toMillis());
                return;
            }
            setStory(s, storyOf(s.articleId), now);
        } else {
            forward(target, Signal.askStory(s.articleId), now);
        }
    }

    /** A signal for an article whose state expired: answer what can be answered, deterministically. */
    private void answerForUnknown(String target, Signal signal, long now) {
        switch (signal.kind()) {
            case ASK_STORY -> forward(signal.from(), Signal.storyIs(target, storyOf(target)), now);
            case VERIFY -> forward(signal.from(), Signal.verified(signal.candidates().get(0).verifiedAs(0.0)), now);
            default -> { }
        }
    }

    private void consider(ArticleState s, Candidate c) {
        Decision better = rule.improve(s.best, s.eventTime, s.articleId, c, s.bestTime);
        if (better != s.best) {
            s.best = better;
            s.bestTime = c.eventTime();
        }
    }

    /**
     * Publishes the decision (and the original, and the story change) with the article's event time as the
     * record timestamp, whichever signal completed it, so that a replay stamps them as the live run did;
     * {@code decidedAt} keeps the stream time of the decision.
     */
    private void setStory(ArticleState s, String storyId, long now) {
        Decision previous = s.published;
        String previousStory = s.publishedStory;
        if (s.best.equals(previous) && storyId.equals(previousStory)) {
            return;
        }
        emitDecision(s, s.best, storyId, previous, previousStory, now);
        s.published = s.best;
        s.publishedStory = storyId;
        if (!s.best.isDuplicate() && !s.originalPublished && s.bodyKept) {
            RawArticle article = Objects.requireNonNull(bodies.get(s.articleId),
                    () -> "dedup: the body of original " + s.articleId + " is missing from " + bodiesStoreName);
            forward(s.articleId, DedupedArticle.newBuilder().setArticleId(s.articleId).setStoryId(storyId)
                    .setArticle(article).setDecidedAt(Instant.ofEpochMilli(now)).build(), s.eventTime);
            s.originalPublished = true;
        } else if (s.best.isDuplicate() && s.originalPublished) {
            // Published as an original before an earlier copy turned up: take it back (a decision never
            // returns from duplicate to original, so this happens at most once).
            forward(s.articleId, new Retraction(s.articleId), s.eventTime);
            s.originalPublished = false;
        }
        if (s.bodyKept) {
            bodies.delete(s.articleId);
            s.bodyKept = false;
        }
        if (!storyId.equals(s.storyId)) {
            if (s.storyId != null) {
                forward(s.storyId, new StoryDelta(false, s.articleId, s.eventTime, s.source, s.title), s.eventTime);
            }
            forward(storyId, new StoryDelta(true, s.articleId, s.eventTime, s.source, s.title), s.eventTime);
            s.storyId = storyId;
            for (String dependent : s.dependents) {
                forward(dependent, Signal.storyIs(s.articleId, storyId), now);
            }
        }
    }

    private void emitDecision(ArticleState s, Decision d, String storyId, Decision previous, String previousStory, long now) {
        boolean correction = previous != null;
        String reason = !d.isDuplicate() ? "no earlier article at or above similarity " + rule.threshold()
                : (d.status() == io.wirestream.model.DuplicateStatus.EXACT_DUPLICATE
                        ? "same normalised text as " : "estimated similarity " + String.format("%.2f", d.similarity())
                        + " with ") + d.duplicateOf();
        if (correction && !previous.equals(d)) {
            reason = "correction: " + reason;
        } else if (correction) {
            reason = "story changed: " + previousStory + " -> " + storyId;
        }
        forward(s.articleId, DuplicateDecision.newBuilder()
                .setArticleId(s.articleId)
                .setStatus(d.status())
                .setDuplicateOf(d.duplicateOf())
                .setSimilarity(d.similarity())
                .setStoryId(storyId)
                .setSource(s.source)
                .setTitle(s.title)
                .setEventTime(Instant.ofEpochMilli(s.eventTime))
                .setCorrection(correction)
                .setPreviousStatus(correction ? previous.status() : null)
                .setPreviousDuplicateOf(correction ? previous.duplicateOf() : null)
                .setReason(reason)
                .setDecidedAt(Instant.ofEpochMilli(now))
                .build(), s.eventTime);
    }

    /**
     * Publishes the held originals whose delay has passed and that are still originals; the others were
     * claimed by an earlier copy meanwhile and have been (or will be) published as duplicates.
     */
    private void release(long wallClock) {
        java.util.List<String> due = new java.util.ArrayList<>();
        try (KeyValueIterator<String, Long> it = pending.all()) {
            while (it.hasNext()) {
                var kv = it.next();
                if (kv.value <= wallClock) {
                    due.add(kv.key);
                }
            }
        }
        for (String id : due) {
            pending.delete(id);
            ArticleState s = store.get(id);
            if (s != null && s.published == null && "".equals(s.resolvedFor) && !s.best.isDuplicate()) {
                setStory(s, storyOf(id), s.eventTime);
                store.put(id, s);
            }
        }
    }

    /**
     * Drops articles that arrived more than the state TTL ago (wall clock), decided or, with a warning, never decided; their bucket entries
     * expire after the same TTL, so nothing asks about them any more except in rare races, which get the
     * deterministic answers of {@link #answerForUnknown}.
     */
    private void purge(long now) {
        long oldest = now - config.stateTtl().toMillis();
        try (KeyValueIterator<String, ArticleState> it = store.all()) {
            while (it.hasNext()) {
                var kv = it.next();
                if (kv.value.arrivedAt < oldest) {
                    if (kv.value.published == null) {
                        // Its bucket answers never all came back (signals lost to the DLQ, e.g. of an older
                        // version during an upgrade): say so rather than keep it forever.
                        LOG.warn("dedup: article {} was never decided ({} of {} buckets answered, {} verifications"
                                + " pending); forgetting it after {}", kv.key, kv.value.bandsDone, kv.value.expectedBands,
                                kv.value.awaiting.size(), config.stateTtl());
                        bodies.delete(kv.key);
                    }
                    store.delete(kv.key);
                    shingles.delete(kv.key);
                }
            }
        }
    }

    /** The article's sorted shingle hashes; empty if they were purged (an exact check then finds nothing in common). */
    private long[] shinglesOf(ArticleState s) {
        long[] set = shingles.get(s.articleId);
        return set == null ? new long[0] : set;
    }

    private void forward(String key, Object value, long timestamp) {
        context.forward(new Record<>(key, value, timestamp));
    }

    /** The story an original starts. */
    static String storyOf(String articleId) {
        return "story-" + articleId;
    }

    static long eventTime(RawArticle a) {
        return (a.getPublishedAt() != null ? a.getPublishedAt() : a.getIngestedAt()).toEpochMilli();
    }
}
