package io.wirestream.dedup.stream;

import io.wirestream.dedup.core.Candidate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * A message to one article's partition (keyed by that article's id) on the signals loop topic.
 *
 * <ul>
 *   <li>{@code BAND_DONE}: one of the article's buckets has compared it; {@code candidates} are the
 *       earlier members (with similarity), possibly none.</li>
 *   <li>{@code LATE_CANDIDATE}: an earlier article arrived after this one and shares a bucket with it.</li>
 *   <li>{@code ASK_STORY}: {@code from} chose this article as what it duplicates and wants its story.</li>
 *   <li>{@code STORY_IS}: {@code from}'s story is {@code storyId}.</li>
 *   <li>{@code DETACH}: {@code from} no longer duplicates this article.</li>
 * </ul>
 */
record Signal(Kind kind, String from, String storyId, List<Candidate> candidates) {

    enum Kind { BAND_DONE, LATE_CANDIDATE, ASK_STORY, STORY_IS, DETACH }

    static Signal bandDone(List<Candidate> candidates) {
        return new Signal(Kind.BAND_DONE, null, null, candidates);
    }

    static Signal lateCandidate(Candidate c) {
        return new Signal(Kind.LATE_CANDIDATE, c.articleId(), null, List.of(c));
    }

    static Signal askStory(String from) {
        return new Signal(Kind.ASK_STORY, from, null, List.of());
    }

    static Signal storyIs(String from, String storyId) {
        return new Signal(Kind.STORY_IS, from, storyId, List.of());
    }

    static Signal detach(String from) {
        return new Signal(Kind.DETACH, from, null, List.of());
    }

    static final Serde<Signal> SERDE = Codec.serde("dedup signal", (s, out) -> {
        out.writeByte(s.kind.ordinal());
        Codec.writeNullable(out, s.from);
        Codec.writeNullable(out, s.storyId);
        out.writeInt(s.candidates.size());
        for (Candidate c : s.candidates) {
            out.writeUTF(c.articleId());
            out.writeLong(c.eventTime());
            out.writeDouble(c.similarity());
            out.writeBoolean(c.exact());
        }
    }, in -> {
        Kind kind = Kind.values()[in.readByte()];
        String from = Codec.readNullable(in);
        String story = Codec.readNullable(in);
        int n = in.readInt();
        List<Candidate> cs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cs.add(new Candidate(in.readUTF(), in.readLong(), in.readDouble(), in.readBoolean()));
        }
        return new Signal(kind, from, story, cs);
    });
}
