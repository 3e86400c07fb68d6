package io.wirestream.dedup.stream;

import io.wirestream.dedup.core.Bucket;
import io.wirestream.dedup.core.BucketEntry;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/** Encoding of buckets in the band index store: per entry id, event time, hash and 16-bit sketch. */
final class Buckets {

    private Buckets() {
    }

    static void writeEntry(BucketEntry e, DataOutputStream out) throws IOException {
        out.writeUTF(e.articleId());
        out.writeLong(e.eventTime());
        out.writeLong(e.contentHash());
        Codec.writeShorts(out, e.sketch());
        out.writeLong(e.insertedAt());
    }

    static BucketEntry readEntry(DataInputStream in) throws IOException {
        return new BucketEntry(in.readUTF(), in.readLong(), in.readLong(), Codec.readShorts(in), in.readLong());
    }

    static final Serde<Bucket> SERDE = Codec.serde("bucket", (b, out) -> {
        out.writeInt(b.members().size());
        for (BucketEntry e : b.members()) {
            writeEntry(e, out);
        }
    }, in -> {
        int n = in.readInt();
        List<BucketEntry> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            members.add(readEntry(in));
        }
        return new Bucket(members);
    });
}
