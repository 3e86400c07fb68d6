package io.wirestream.dedup.stream;

import io.wirestream.dedup.core.BucketEntry;
import org.apache.kafka.common.serialization.Serde;

/**
 * An article on its way to one bucket (keyed by the bucket key): the exact-text bucket
 * ({@code x:<hash>}) or one LSH band ({@code b:<key>}).
 */
record BandRecord(boolean exact, BucketEntry entry) {

    static String exactKey(long contentHash) {
        return "x:" + Long.toHexString(contentHash);
    }

    static String bandKey(long key) {
        return "b:" + Long.toHexString(key);
    }

    static final Serde<BandRecord> SERDE = Codec.serde("band record", (r, out) -> {
        out.writeBoolean(r.exact);
        Buckets.writeEntry(r.entry, out);
    }, in -> new BandRecord(in.readBoolean(), Buckets.readEntry(in)));
}
