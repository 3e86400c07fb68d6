package io.wirestream.dedup.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DedupConfigTest {

    @Test
    void parseReadsEveryKeyAndKeepsDefaultsForTheRest() {
        DedupConfig c = DedupConfig.parse(Map.of("dedup.threshold", "0.9", "dedup.lsh.bands", "32", "dedup.lsh.rows", "4",
                "dedup.retention", "PT24H"));
        assertThat(c.threshold()).isEqualTo(0.9);
        assertThat(c.signatureLength()).isEqualTo(128);
        assertThat(c.retention()).isEqualTo(Duration.ofHours(24));
        assertThat(c.shingleSize()).isEqualTo(DedupConfig.defaults().shingleSize());
    }

    @Test
    void outOfRangeValueNamesTheKeyAndTheRange() {
        assertThatThrownBy(() -> DedupConfig.parse(Map.of("dedup.threshold", "1.5")))
                .hasMessageContaining("dedup.threshold").hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> DedupConfig.parse(Map.of("dedup.lsh.bands", "many")))
                .hasMessageContaining("dedup.*");
    }
}
