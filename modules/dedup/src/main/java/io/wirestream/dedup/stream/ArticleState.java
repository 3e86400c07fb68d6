package io.wirestream.dedup.stream;

import io.wirestream.dedup.core.Decision;
import io.wirestream.model.DuplicateStatus;
import io.wirestream.model.RawArticle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serde;

/**
 * What the article side keeps per article and changes as signals arrive: its own facts, how many of its
 * buckets have answered, the best duplicate-of so far, the decision last published, and which later
 * articles duplicate it (to tell them when its story changes). The article itself and its shingle set
 * never change, so they live in stores of their own ({@link DedupTopology#BODIES_STORE},
 * {@link DedupTopology#SHINGLES_STORE}), written once: this state is rewritten once per signal (about 21
 * times per article) and stays small. Stored bytes: ~100 + id, source and title + 30 per dependent.
 */
final class ArticleState {

    String articleId;
    long eventTime;
    /** Wall-clock millis when the article arrived, for the state TTL. */
    long arrivedAt;
    String source;
    String title;
    /** The article is still in the bodies store (until its first decision is published). */
    boolean bodyKept;
    int expectedBands;
    int bandsDone;
    /** Candidates whose exact similarity has been asked for and not yet answered. */
    final TreeSet<String> awaiting = new TreeSet<>();
    /** What the decision was last settled on: null before, "" for original, else the duplicate-of id. */
    String resolvedFor;
    Decision best = Decision.ORIGINAL;
    long bestTime;
    /** The story of this article once known. */
    String storyId;
    /** The decision last published, null before the first. */
    Decision published;
    String publishedStory;
    boolean originalPublished;
    final TreeSet<String> dependents = new TreeSet<>();

    /** Every bucket has answered and every verification is back: the best candidate is known. */
    boolean ready() {
        return bandsDone >= expectedBands && awaiting.isEmpty();
    }

    /** Version 2: the article and its shingles moved to stores of their own. */
    static final Serde<ArticleState> SERDE = Codec.serde("article state", (byte) 2, (s, out) -> {
        out.writeUTF(s.articleId);
        out.writeLong(s.eventTime);
        out.writeLong(s.arrivedAt);
        out.writeUTF(s.source);
        out.writeUTF(s.title);
        out.writeBoolean(s.bodyKept);
        out.writeInt(s.expectedBands);
        out.writeInt(s.bandsDone);
        out.writeInt(s.awaiting.size());
        for (String a : s.awaiting) {
            out.writeUTF(a);
        }
        Codec.writeNullable(out, s.resolvedFor);
        writeDecision(s.best, out);
        out.writeLong(s.bestTime);
        Codec.writeNullable(out, s.storyId);
        out.writeBoolean(s.published != null);
        if (s.published != null) {
            writeDecision(s.published, out);
        }
        Codec.writeNullable(out, s.publishedStory);
        out.writeBoolean(s.originalPublished);
        out.writeInt(s.dependents.size());
        for (String d : s.dependents) {
            out.writeUTF(d);
        }
    }, in -> {
        ArticleState s = new ArticleState();
        s.articleId = in.readUTF();
        s.eventTime = in.readLong();
        s.arrivedAt = in.readLong();
        s.source = in.readUTF();
        s.title = in.readUTF();
        s.bodyKept = in.readBoolean();
        s.expectedBands = in.readInt();
        s.bandsDone = in.readInt();
        int waiting = in.readInt();
        for (int i = 0; i < waiting; i++) {
            s.awaiting.add(in.readUTF());
        }
        s.resolvedFor = Codec.readNullable(in);
        s.best = readDecision(in);
        s.bestTime = in.readLong();
        s.storyId = Codec.readNullable(in);
        if (in.readBoolean()) {
            s.published = readDecision(in);
        }
        s.publishedStory = Codec.readNullable(in);
        s.originalPublished = in.readBoolean();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            s.dependents.add(in.readUTF());
        }
        return s;
    });

    /** Sorted shingle hashes of an article, to verify candidates near the threshold exactly. */
    static final Serde<long[]> SHINGLES_SERDE = Codec.serde("shingle set", (v, out) -> Codec.writeLongs(out, v), Codec::readLongs);

    /** The article as extracted, kept until its first decision is published (an original is forwarded whole). */
    static final Serde<RawArticle> BODY_SERDE = Codec.serde("article body", (a, out) -> {
        ByteBuffer bytes = RawArticle.getEncoder().encode(a);
        out.writeInt(bytes.remaining());
        out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
    }, in -> {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return RawArticle.getDecoder().decode(bytes);
    });

    private static void writeDecision(Decision d, java.io.DataOutputStream out) throws IOException {
        out.writeByte(d.status().ordinal());
        Codec.writeNullable(out, d.duplicateOf());
        out.writeDouble(d.similarity());
    }

    private static Decision readDecision(java.io.DataInputStream in) throws IOException {
        return new Decision(DuplicateStatus.values()[in.readByte()], Codec.readNullable(in), in.readDouble());
    }
}
