package io.wirestream.dedup.stream;

import io.wirestream.dedup.core.Bucket;
import io.wirestream.dedup.core.BucketEntry;
import io.wirestream.dedup.core.Candidate;
import io.wirestream.dedup.core.DedupConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The bucket side of dedup, partitioned by bucket key, so the index spreads over the instances. Each
 * arriving batch ({@link BandRecord}: an article and the buckets of this partition it falls in) is
 * compared with each bucket's members (see {@link Bucket#add}): the earlier members of all its buckets go
 * back to it as one {@code BAND_DONE}; each later member gets one {@code LATE_CANDIDATE} with them all. Members the
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
        BandRecord batch = record.value();
        if (batch == null) {
            throw new IllegalArgumentException("dedup: band record " + record.key() + " has no value");
        }
        long now = context.currentSystemTimeMs();
        String self = batch.entry().articleId();
        BucketEntry withSketch = batch.entry().insertedAt(now);
        BucketEntry exactOnly = new BucketEntry(self, withSketch.eventTime(), withSketch.contentHash(), new short[0], now);
        List<Candidate> earlier = new ArrayList<>();
        // Later members to tell, each once per batch with every bucket's candidate (in bucket order).
        Map<String, List<Candidate>> late = new LinkedHashMap<>();
        for (String key : batch.keys()) {
            boolean exact = BandRecord.isExact(key);
            for (Bucket.Pair p : addTo(key, exact ? exactOnly : withSketch, exact, now)) {
                if (p.later().articleId().equals(self)) {
                    earlier.add(p.candidate());
                } else {
                    late.computeIfAbsent(p.later().articleId(), id -> new ArrayList<>()).add(p.candidate());
                }
            }
        }
        late.forEach((later, candidates) ->
                context.forward(new Record<>(later, Signal.lateCandidates(candidates), record.timestamp())));
        context.forward(new Record<>(self, Signal.bandsDone(batch.keys().size(), earlier), record.timestamp()));
    }

    /** Adds the entry to one bucket and stores the bucket; the pairs it formed with the members. */
    private List<Bucket.Pair> addTo(String key, BucketEntry entry, boolean exact, long now) {
        Bucket bucket = store.get(key);
        if (bucket == null) {
            bucket = Bucket.empty();
        }
        bucket.expireInsertedBefore(now - config.stateTtl().toMillis());
        List<Bucket.Pair> pairs = bucket.add(entry, config.retention().toMillis(),
                exact ? EXACT_BUCKET_CAP : config.maxBucketEntries());
        if (bucket.members().isEmpty()) {
            store.delete(key);
        } else {
            store.put(key, bucket);
        }
        return pairs;
    }
}
