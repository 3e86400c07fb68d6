package io.wirestream.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HashingTest {

    @Test
    void sha256MatchesTheKnownDigest() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (FIPS 180-2 example).
        assertThat(Hashing.sha256Hex(32, "abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Hashing.sha256Hex(4, "abc")).isEqualTo("ba7816bf");
    }

    @Test
    void contentHashIgnoresFormattingButNotWords() {
        String a = Hashing.contentHash("Port strike ends", "Dock workers returned on Monday.");
        String b = Hashing.contentHash("PORT STRIKE ENDS!", "Dock  workers returned\non Monday");
        String c = Hashing.contentHash("Port strike ends", "Dock workers returned on Tuesday.");
        assertThat(a).isEqualTo(b).hasSize(32).isNotEqualTo(c);
    }

    @Test
    void partsAreSeparatedSoBoundariesMatter() {
        assertThat(Hashing.sha256Hex(16, "ab", "c")).isNotEqualTo(Hashing.sha256Hex(16, "a", "bc"));
    }

    @Test
    void outOfRangeLengthIsRejected() {
        assertThatThrownBy(() -> Hashing.sha256Hex(33, "x")).hasMessageContaining("1..32");
    }

    @Test
    void longFormIsTheHexFormsFirstSixteenDigits() {
        String hex = Hashing.sha256Hex(8, "a", "b");
        assertThat(Hashing.sha256Long("a", "b")).isEqualTo(Long.parseUnsignedLong(hex, 16));
        String content = Hashing.contentHash("T", "B");
        assertThat(Hashing.prefix64(content)).isEqualTo(Long.parseUnsignedLong(content.substring(0, 16), 16));
    }
}
