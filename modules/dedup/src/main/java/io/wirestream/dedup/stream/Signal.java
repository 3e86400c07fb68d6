package io.wirestream.dedup.stream;

import io.wirestream.dedup.core.Candidate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * A message to one article's partition (keyed by that article's id) on the signals loop topic.
 *
 * <ul>
 *   <li>{@code BAND_DONE}: {@code bands} of the article's buckets (one bucket-side partition's share) have
 *       compared it; {@code candidates} are their earlier members (with similarity), possibly none.</li>
 *   <li>{@code LATE_CANDIDATE}: an earlier article arrived after this one and shares buckets with it;
 *       {@code candidates} holds it once per shared bucket of one partition.</li>
 *   <li>{@code ASK_STORY}: {@code from} chose this article as what it duplicates and wants its story.</li>
 *   <li>{@code STORY_IS}: {@code from}'s story is {@code storyId}.</li>
 *   <li>{@code DETACH}: {@code from} no longer duplicates this article.</li>
 *   <li>{@code VERIFY}: {@code from}'s estimate with this article (the candidate) is close to the
 *       threshold; {@code shingles} are {@code from}'s shingle hashes, for the exact similarity.</li>
 *   <li>{@code VERIFIED}: the candidate, with its exact similarity.</li>
 * </ul>
 */
record Signal(Kind kind, String from, String storyId, List<Candidate> candidates, long[] shingles, int bands) {

    enum Kind { BAND_DONE, LATE_CANDIDATE, ASK_STORY, STORY_IS, DETACH, VERIFY, VERIFIED }

    private static final long[] NONE = new long[0];

    static Signal bandsDone(int bands, List<Candidate> candidates) {
        return new Signal(Kind.BAND_DONE, null, null, candidates, NONE, bands);
    }

    static Signal lateCandidates(List<Candidate> candidates) {
        return new Signal(Kind.LATE_CANDIDATE, candidates.get(0).articleId(), null, candidates, NONE, 0);
    }

    static Signal askStory(String from) {
        return new Signal(Kind.ASK_STORY, from, null, List.of(), NONE, 0);
    }

    static Signal storyIs(String from, String storyId) {
        return new Signal(Kind.STORY_IS, from, storyId, List.of(), NONE, 0);
    }

    static Signal detach(String from) {
        return new Signal(Kind.DETACH, from, null, List.of(), NONE, 0);
    }

    static Signal verify(String from, Candidate candidate, long[] fromShingles) {
        return new Signal(Kind.VERIFY, from, null, List.of(candidate), fromShingles, 0);
    }

    static Signal verified(Candidate candidate) {
        return new Signal(Kind.VERIFIED, candidate.articleId(), null, List.of(candidate), NONE, 0);
    }

    /** Version 2: {@code bands} (version 1 answered one bucket per BAND_DONE). */
    static final Serde<Signal> SERDE = Codec.serde("dedup signal", (byte) 2, (s, out) -> {
        out.writeByte(s.kind.ordinal());
        Codec.writeNullable(out, s.from);
        Codec.writeNullable(out, s.storyId);
        out.writeInt(s.candidates.size());
        for (Candidate c : s.candidates) {
            out.writeUTF(c.articleId());
            out.writeLong(c.eventTime());
            out.writeDouble(c.similarity());
            out.writeBoolean(c.exact());
            out.writeBoolean(c.verified());
        }
        Codec.writeLongs(out, s.shingles);
        out.writeInt(s.bands);
    }, in -> {
        Kind kind = Kind.values()[in.readByte()];
        String from = Codec.readNullable(in);
        String story = Codec.readNullable(in);
        int n = in.readInt();
        List<Candidate> cs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cs.add(new Candidate(in.readUTF(), in.readLong(), in.readDouble(), in.readBoolean(), in.readBoolean()));
        }
        return new Signal(kind, from, story, cs, Codec.readLongs(in), in.readInt());
    });
}
