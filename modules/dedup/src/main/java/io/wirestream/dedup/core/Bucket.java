package io.wirestream.dedup.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The members of one LSH bucket, earliest first, and the rule for comparing a newcomer with them.
 *
 * <p>Every pair of members is compared exactly once, when the second of the two arrives, whichever
 * arrives first: so the set of compared pairs does not depend on arrival order. Pairs further apart in
 * event time than the retention are not compared. The bucket keeps at most {@code cap} members, the
 * earliest by event order; a hot bucket (boilerplate shared by many texts) therefore stops growing,
 * and beyond the cap the compared pairs can depend on arrival order (documented limit).
 */
public final class Bucket {

    /** A comparison the newcomer produced: {@code earlier} is a candidate for {@code later}'s decision. */
    public record Pair(BucketEntry earlier, BucketEntry later) {
        public Candidate candidate() {
            return earlier.asCandidateFor(later);
        }
    }

    private final List<BucketEntry> members;

    public Bucket(List<BucketEntry> members) {
        this.members = new ArrayList<>(members);
    }

    public static Bucket empty() {
        return new Bucket(List.of());
    }

    public List<BucketEntry> members() {
        return members;
    }

    /**
     * Adds {@code entry} and returns its comparisons with the members within {@code retentionMillis}.
     * An article already present (re-ingest, replay) is not added again and yields nothing.
     */
    public List<Pair> add(BucketEntry entry, long retentionMillis, int cap) {
        List<Pair> pairs = new ArrayList<>();
        int insertAt = members.size();
        for (int i = 0; i < members.size(); i++) {
            BucketEntry m = members.get(i);
            if (m.articleId().equals(entry.articleId())) {
                return List.of();
            }
            if (insertAt == members.size() && entry.compareOrder(m) < 0) {
                insertAt = i;
            }
            if (Math.abs(m.eventTime() - entry.eventTime()) <= retentionMillis) {
                pairs.add(m.compareOrder(entry) < 0 ? new Pair(m, entry) : new Pair(entry, m));
            }
        }
        members.add(insertAt, entry);
        if (members.size() > cap) {
            members.remove(members.size() - 1);
        }
        return pairs;
    }

    /**
     * Drops members the bucket took (wall clock) before {@code cutoffMillis}; returns how many. State is bounded
     * by time since insertion, not by event time, so skewed partitions, bulk loads and replays lose nothing:
     * which pairs are compared is decided by the event-time retention alone.
     */
    public int expireInsertedBefore(long cutoffMillis) {
        int before = members.size();
        members.removeIf(m -> m.insertedAt() < cutoffMillis);
        return before - members.size();
    }
}
