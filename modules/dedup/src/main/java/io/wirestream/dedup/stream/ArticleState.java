package io.wirestream.dedup.stream;

import io.wirestream.dedup.core.Decision;
import io.wirestream.model.DuplicateStatus;
import io.wirestream.model.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serde;

/**
 * What the article side keeps per article: its own facts, how many of its buckets have answered, the
 * best duplicate-of so far, the decision last published, and which later articles duplicate it (to tell
 * them when its story changes). The full article is kept only until its first decision is published.
 * Stored bytes: ~100 + id, source and title + 8 per shingle (about one per word) + 30 per dependent
 * (+ the article until decided).
 */
final class ArticleState {

    String articleId;
    long eventTime;
    /** Wall-clock millis when the article arrived, for the state TTL. */
    long arrivedAt;
    String source;
    String title;
    /** The article until its first decision is published, then null. */
    RawArticle article;
    /** Sorted shingle hashes, to verify candidates near the threshold exactly. */
    long[] shingles = new long[0];
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

    static final Serde<ArticleState> SERDE = Codec.serde("article state", (s, out) -> {
        out.writeUTF(s.articleId);
        out.writeLong(s.eventTime);
        out.writeLong(s.arrivedAt);
        out.writeUTF(s.source);
        out.writeUTF(s.title);
        out.writeBoolean(s.article != null);
        if (s.article != null) {
            ByteBuffer bytes = RawArticle.getEncoder().encode(s.article);
            out.writeInt(bytes.remaining());
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        }
        Codec.writeLongs(out, s.shingles);
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
        if (in.readBoolean()) {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            try {
                s.article = RawArticle.getDecoder().decode(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        s.shingles = Codec.readLongs(in);
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

    private static void writeDecision(Decision d, java.io.DataOutputStream out) throws IOException {
        out.writeByte(d.status().ordinal());
        Codec.writeNullable(out, d.duplicateOf());
        out.writeDouble(d.similarity());
    }

    private static Decision readDecision(java.io.DataInputStream in) throws IOException {
        return new Decision(DuplicateStatus.values()[in.readByte()], Codec.readNullable(in), in.readDouble());
    }
}
