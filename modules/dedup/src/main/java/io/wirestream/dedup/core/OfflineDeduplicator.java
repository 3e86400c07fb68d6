package io.wirestream.dedup.core;

import io.wirestream.text.minhash.Jaccard;
import io.wirestream.model.DuplicateStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The sequential, in-memory equivalent of the streaming dedup service, for the {@code cluster} command
 * and offline evaluation: the same fingerprints, buckets and {@link DecisionRule}, fed one article at a
 * time in the given (arrival) order.
 *
 * <p>Each article is added to the exact-text bucket of its content hash (uncapped) and to the LSH bucket
 * of each band key (capped at {@link DedupConfig#maxBucketEntries()}). A compared pair whose later
 * article is the newcomer is a candidate for the newcomer's decision; a pair whose later article was
 * processed before (the newcomer arrived late but is earlier in event order) may correct that article's
 * decision. Because the compared pairs and the rule do not depend on arrival order, the final decisions
 * do not either, as long as no LSH bucket reaches its cap.
 *
 * <p>Story ids follow duplicate-of links to an original: {@code story-<id of the original>}. When an
 * article's decision or story changes, every article that duplicates it is corrected too, recursively.
 *
 * <p>Not thread-safe. Memory: per article its id, sketch (2 bytes x signature length) and decision, plus
 * one bucket entry per band.
 */
public final class OfflineDeduplicator {

    /** One input article; {@code published} is the event time in epoch millis. */
    public record Article(String id, String title, String text, long published, String source) {
        public Article {
            Objects.requireNonNull(id, "id");
        }
    }

    /** One output: the current decision and story of article {@code id}. Later events for an id supersede earlier ones. */
    public record Event(String id, DuplicateStatus status, String duplicateOf, double similarity, String storyId) {
    }

    private static final class State {
        final long eventTime;
        Decision decision = Decision.ORIGINAL;
        long duplicateOfTime;
        String storyId;

        State(long eventTime) {
            this.eventTime = eventTime;
        }
    }

    private final DedupConfig config;
    private final Fingerprinter fingerprinter;
    private final DecisionRule rule;
    private final long retentionMillis;
    private final Map<Long, Bucket> exactBuckets = new HashMap<>();
    private final Map<Long, Bucket> bandBuckets = new HashMap<>();
    private final Map<String, State> states = new HashMap<>();
    /** Article id -> sorted shingle hashes, for exact verification of candidates near the threshold. */
    private final Map<String, long[]> shingleSets = new HashMap<>();
    private long verifications;
    /** Article id -> the articles whose decision is a duplicate of it. */
    private final Map<String, Set<String>> dependents = new HashMap<>();
    private long comparedPairs;

    public OfflineDeduplicator(DedupConfig config) {
        this.config = config;
        this.fingerprinter = new Fingerprinter(config);
        this.rule = new DecisionRule(config.threshold());
        this.retentionMillis = config.retention().toMillis();
    }

    /**
     * Decides {@code a} and returns its own decision first, then the corrections it caused to articles
     * processed before it. An id seen before (a replay) changes nothing and returns its current decision.
     */
    public List<Event> process(Article a) {
        State known = states.get(a.id());
        if (known != null) {
            return List.of(event(a.id(), known));
        }
        Fingerprint fp = fingerprinter.fingerprint(nullToEmpty(a.title()), nullToEmpty(a.text()));
        BucketEntry entry = new BucketEntry(a.id(), a.published(), fp.contentHash(), fp.sketch());
        List<Bucket.Pair> pairs = new ArrayList<>(
                exactBuckets.computeIfAbsent(fp.contentHash(), k -> Bucket.empty())
                        .add(entry, retentionMillis, Integer.MAX_VALUE));
        for (long key : fp.bandKeys()) {
            pairs.addAll(bandBuckets.computeIfAbsent(key, k -> Bucket.empty())
                    .add(entry, retentionMillis, config.maxBucketEntries()));
        }
        comparedPairs += pairs.size();

        State self = new State(a.published());
        states.put(a.id(), self);
        shingleSets.put(a.id(), fp.shingleSet());
        // Corrected articles in order of first change; the newcomer is never among them.
        Set<String> changed = new LinkedHashSet<>();
        for (Bucket.Pair p : pairs) {
            String laterId = p.later().articleId();
            Candidate candidate = verified(p.candidate(), laterId);
            if (laterId.equals(a.id())) {
                improve(laterId, self, candidate);
            } else if (improve(laterId, states.get(laterId), candidate)) {
                changed.add(laterId);
            }
        }
        refreshStory(a.id(), self, changed);
        for (String id : List.copyOf(changed)) {
            refreshStory(id, states.get(id), changed);
        }

        List<Event> events = new ArrayList<>(1 + changed.size());
        events.add(event(a.id(), self));
        for (String id : changed) {
            events.add(event(id, states.get(id)));
        }
        return events;
    }

    /** The candidate with its exact similarity when its estimate is too close to the threshold. */
    private Candidate verified(Candidate c, String laterId) {
        if (!rule.needsVerification(c)) {
            return c;
        }
        verifications++;
        return c.verifiedAs(Jaccard.exact(shingleSets.get(c.articleId()), shingleSets.get(laterId)));
    }

    /** Candidates verified with exact Jaccard so far. */
    public long verifications() {
        return verifications;
    }

    /** Processes every article in order and returns all events. */
    public List<Event> processAll(Iterable<Article> articles) {
        List<Event> events = new ArrayList<>();
        for (Article a : articles) {
            events.addAll(process(a));
        }
        return events;
    }

    /** The current decision of every article processed, in no particular order. */
    public Map<String, Event> decisions() {
        Map<String, Event> out = new LinkedHashMap<>();
        states.forEach((id, s) -> out.put(id, event(id, s)));
        return out;
    }

    /** Pairs compared so far (as returned by {@link Bucket#add}; a pair sharing several buckets counts once per bucket). */
    public long comparedPairs() {
        return comparedPairs;
    }

    public DedupConfig config() {
        return config;
    }

    /** Applies {@code c} to the decision of {@code id}; returns whether it changed, re-linking dependents. */
    private boolean improve(String id, State s, Candidate c) {
        Decision before = s.decision;
        Decision after = rule.improve(before, s.eventTime, id, c, s.duplicateOfTime);
        if (after == before) {
            return false;
        }
        if (before.isDuplicate()) {
            Set<String> old = dependents.get(before.duplicateOf());
            old.remove(id);
            if (old.isEmpty()) {
                dependents.remove(before.duplicateOf());
            }
        }
        dependents.computeIfAbsent(after.duplicateOf(), k -> new LinkedHashSet<>()).add(id);
        s.decision = after;
        s.duplicateOfTime = c.eventTime();
        return true;
    }

    /**
     * Recomputes the story of {@code id} from its decision and, where it changed, that of every article
     * duplicating it, transitively; adds each article whose story changed (other than a fresh one) to
     * {@code changed}. Iterative: duplicate-of chains can be long.
     */
    private void refreshStory(String id, State s, Set<String> changed) {
        Deque<String> todo = new ArrayDeque<>();
        todo.push(id);
        while (!todo.isEmpty()) {
            String next = todo.pop();
            State n = next.equals(id) ? s : states.get(next);
            String story = n.decision.isDuplicate()
                    ? states.get(n.decision.duplicateOf()).storyId
                    : "story-" + next;
            if (story.equals(n.storyId)) {
                continue;
            }
            if (n.storyId != null) {
                changed.add(next);
            }
            n.storyId = story;
            dependents.getOrDefault(next, Set.of()).forEach(todo::push);
        }
    }

    private static Event event(String id, State s) {
        Decision d = s.decision;
        return new Event(id, d.status(), d.duplicateOf(), d.similarity(), s.storyId);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
