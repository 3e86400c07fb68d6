package io.wirestream.dedup.stream;

import io.wirestream.dedup.core.Bucket;
import io.wirestream.dedup.core.BucketEntry;
import io.wirestream.dedup.core.Fingerprint;
import io.wirestream.dedup.core.Decision;
import java.util.List;

/**
 * Bytes of dedup state one decided article occupies, measured with the real store encodings: its
 * article-side state and its shingle set (kept for exact verification) plus its entries in the
 * exact-text bucket and in every LSH bucket. Excludes RocksDB and changelog overhead and story state
 * (about 40 bytes + id, source and title per member).
 */
public final class StateFootprint {

    private StateFootprint() {
    }

    public static long articleBytes(String articleId, long eventTime, String source, String title, Fingerprint fp) {
        ArticleState s = new ArticleState();
        s.articleId = articleId;
        s.eventTime = eventTime;
        s.source = source;
        s.title = title;
        s.expectedBands = 1 + fp.bandKeys().length;
        s.bandsDone = s.expectedBands;
        s.published = Decision.ORIGINAL;
        s.resolvedFor = "";
        s.storyId = "story-" + articleId;
        s.publishedStory = s.storyId;
        long bytes = ArticleState.SERDE.serializer().serialize("", s).length
                + ArticleState.SHINGLES_SERDE.serializer().serialize("", fp.shingleSet()).length;
        BucketEntry exact = new BucketEntry(articleId, eventTime, fp.contentHash(), new short[0]);
        BucketEntry band = new BucketEntry(articleId, eventTime, fp.contentHash(), fp.sketch());
        bytes += entryBytes(exact);
        bytes += (long) fp.bandKeys().length * entryBytes(band);
        return bytes;
    }

    /** Bytes one entry adds to a bucket (the bucket's own 5-byte header is not counted). */
    private static long entryBytes(BucketEntry e) {
        return Buckets.SERDE.serializer().serialize("", new Bucket(List.of(e))).length - 5L;
    }
}
