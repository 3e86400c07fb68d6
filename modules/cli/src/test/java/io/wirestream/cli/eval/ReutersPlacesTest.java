package io.wirestream.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReutersPlacesTest {

    static final String TSV = """
            # test mapping
            reuters\tiso\tnote
            usa\tUS\t
            uk\tGB\tUnited Kingdom
            france\tFR\t
            japan\tJP\t
            ussr\tSU|RU|UA\tdissolved 1991
            west-germany\tDE\t
            east-germany\tDD|DE\t
            """;

    @Test
    void pipeSeparatedCodesAllCountForThePlace() {
        ReutersPlaces p = ReutersPlaces.parse(TSV);
        assertThat(p.isoCodes("ussr")).containsExactly("SU", "RU", "UA");
        assertThat(p.reutersCodes("RU")).containsExactly("ussr");
        assertThat(p.reutersCodes("DE")).containsExactly("west-germany", "east-germany");
        assertThat(p.reutersCodes("XX")).isEmpty();
        assertThat(p.knows("uk")).isTrue();
        assertThat(p.knows("reuters")).isFalse();
    }

    @Test
    void aWrongPredictionIsChargedToTheCodeItIsFirstFor() {
        ReutersPlaces p = ReutersPlaces.parse(TSV);
        assertThat(p.primary("DE")).isEqualTo("west-germany");
        assertThat(p.primary("DD")).isEqualTo("east-germany");
        assertThat(p.primary("UA")).isEqualTo("ussr");
        assertThat(p.primary("XX")).isNull();
    }

    @Test
    void malformedLineIsAnErrorNamingIt() {
        assertThatThrownBy(() -> ReutersPlaces.parse("reuters\tiso\tnote\nusa\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    @Test
    void shippedMappingLoadsAndCoversTheMainPlaces() {
        ReutersPlaces p = ReutersPlaces.load();
        assertThat(p.isoCodes("usa")).containsExactly("US");
        assertThat(p.isoCodes("uk")).containsExactly("GB");
        assertThat(p.reutersCodes("RU")).contains("ussr");
    }
}
