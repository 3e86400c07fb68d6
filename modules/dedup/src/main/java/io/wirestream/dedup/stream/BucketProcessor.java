package io.wirestream.dedup.stream;

import io.wirestream.dedup.core.Bucket;
import io.wirestream.dedup.core.Candidate;
import io.wirestream.dedup.core.DedupConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The bucket side of dedup, partitioned by bucket key, so the index spreads over the instances. Each
 * arriving article is compared with the bucket's members (see {@link Bucket#add}): the earlier members
 * go back to it as one {@code BAND_DONE}; each later member gets a {@code LATE_CANDIDATE}. Members the
 * bucket took longer ago than {@code dedup.state.ttl} (wall clock) are dropped when the bucket is touched
 * and by an hourly sweep; the exact-text bucket has no practical cap, LSH buckets keep the earliest
 * {@code maxBucketEntries}.
 */
final class BucketProcessor implements Processor<String, BandRecord, String, Signal> {

    /** The exact-text bucket is capped only to bound a pathological flood of one identical text. */
    static final int EXACT_BUCKET_CAP = 100_000;

    private final DedupConfig config;
    private final String storeName;
    private ProcessorContext<String, Signal> context;
    private KeyValueStore<String, Bucket> store;

    BucketProcessor(DedupConfig config, String storeName) {
        this.config = config;
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, Signal> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        context.schedule(java.time.Duration.ofHours(1), org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME,
                this::sweep);
    }

    /** Drops expired entries from buckets that nobody touched lately. */
    private void sweep(long now) {
        long cutoff = now - config.stateTtl().toMillis();
        try (var it = store.all()) {
            while (it.hasNext()) {
                var kv = it.next();
                if (kv.value.expireInsertedBefore(cutoff) > 0) {
                    if (kv.value.members().isEmpty()) {
                        store.delete(kv.key);
                    } else {
                        store.put(kv.key, kv.value);
                    }
                }
            }
        }
    }

    @Override
    public void process(Record<String, BandRecord> record) {
        BandRecord band = record.value();
        if (band == null) {
            throw new IllegalArgumentException("dedup: band record " + record.key() + " has no value");
        }
        long retention = config.retention().toMillis();
        Bucket bucket = store.get(record.key());
        if (bucket == null) {
            bucket = Bucket.empty();
        }
        long now = context.currentSystemTimeMs();
        bucket.expireInsertedBefore(now - config.stateTtl().toMillis());
        List<Bucket.Pair> pairs = bucket.add(band.entry().insertedAt(now), retention,
                band.exact() ? EXACT_BUCKET_CAP : config.maxBucketEntries());
        List<Candidate> earlier = new ArrayList<>();
        String self = band.entry().articleId();
        for (Bucket.Pair p : pairs) {
            if (p.later().articleId().equals(self)) {
                earlier.add(p.candidate());
            } else {
                context.forward(new Record<>(p.later().articleId(), Signal.lateCandidate(p.candidate()), record.timestamp()));
            }
        }
        if (bucket.members().isEmpty()) {
            store.delete(record.key());
        } else {
            store.put(record.key(), bucket);
        }
        context.forward(new Record<>(self, Signal.bandDone(earlier), record.timestamp()));
    }
}
