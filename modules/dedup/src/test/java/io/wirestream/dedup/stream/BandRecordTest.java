package io.wirestream.dedup.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.dedup.core.BucketEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BandRecordTest {

    private static final long[] BANDS = LongStream.range(0, 20).map(i -> i * 0x9E3779B97F4A7C15L).toArray();
    private static final BucketEntry ENTRY = new BucketEntry("a1", 1_000L, 42L, new short[] {1, 2, 3});

    @Test
    void everyBucketTravelsInExactlyOneBatchAndNoMoreBatchesThanPartitions() {
        List<BandRecord> batches = BandRecord.batches(ENTRY, 42L, BANDS, 6);
        assertThat(batches).hasSizeLessThanOrEqualTo(6);
        List<String> keys = new ArrayList<>();
        batches.forEach(b -> keys.addAll(b.keys()));
        List<String> expected = new ArrayList<>(List.of(BandRecord.exactKey(42L)));
        for (long b : BANDS) {
            expected.add(BandRecord.bandKey(b));
        }
        assertThat(keys).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(batches).extracting(BandRecord::target).doesNotHaveDuplicates();
    }

    @Test
    void aBucketKeyGoesToTheSameTargetWhicheverArticleBringsIt() {
        Map<String, Integer> seen = new HashMap<>();
        for (int article = 0; article < 50; article++) {
            long[] bands = {BANDS[article % BANDS.length], BANDS[(article * 7) % BANDS.length]};
            BucketEntry e = new BucketEntry("a" + article, article, article, new short[0]);
            for (BandRecord b : BandRecord.batches(e, article % 3, bands, 4)) {
                for (String key : b.keys()) {
                    Integer before = seen.putIfAbsent(key, b.target());
                    assertThat(before == null ? b.target() : before).as(key).isEqualTo(b.target());
                    assertThat(b.target()).isBetween(0, 3);
                }
            }
        }
        assertThat(seen).hasSizeGreaterThan(10);
    }

    @Test
    void onePartitionMeansOneBatchWithEveryBucket() {
        List<BandRecord> batches = BandRecord.batches(ENTRY, 42L, BANDS, 1);
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).keys()).hasSize(1 + BANDS.length).first().isEqualTo(BandRecord.exactKey(42L));
    }

    @Test
    void partitionerFoldsTheTargetIntoTheTopicsPartitionCount() {
        BandRecord r = new BandRecord(5, ENTRY, List.of("b:1"));
        assertThat(BandRecord.PARTITIONER.partitions("t", "a1", r, 6)).contains(java.util.Set.of(5));
        assertThat(BandRecord.PARTITIONER.partitions("t", "a1", r, 4)).contains(java.util.Set.of(1));
    }

    @Test
    void serdeRoundTrips() {
        BandRecord r = BandRecord.batches(ENTRY, 42L, BANDS, 3).get(0);
        byte[] bytes = BandRecord.SERDE.serializer().serialize("t", r);
        BandRecord back = BandRecord.SERDE.deserializer().deserialize("t", bytes);
        assertThat(back.target()).isEqualTo(r.target());
        assertThat(back.keys()).isEqualTo(r.keys());
        assertThat(back.entry().articleId()).isEqualTo("a1");
        assertThat(back.entry().sketch()).containsExactly(1, 2, 3);
    }
}
