package io.wirestream.tagger.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenPositionsTest {

    private static final String[] WORDS = {"Piedmont", "PIEDMONT", "piedmont", "Aviation", "aviation", "Inc", "said", "the",
        "The", "al", "Assad", "İstanbul", "istanbul", "ISTANBUL", "Straße", "STRASSE", "Aa", "BB", "U.S.", "O'Brien"};
    private static final String[] GAPS = {" ", " ", ", ", ". ", "-", "\n", " (", ") "};

    /** Scanning every token: what an index lookup must return, in the same (ascending) order. */
    private static List<Integer> scan(Tokens t, String key, boolean capitalisedLowerCase) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            boolean match = capitalisedLowerCase
                    ? t.capitalised(i) && t.token(i).toLowerCase(Locale.ROOT).equals(key)
                    : t.token(i).equals(key);
            if (match) {
                out.add(i);
            }
        }
        return out;
    }

    private static List<Integer> list(int[] positions) {
        List<Integer> out = new ArrayList<>();
        for (int p : positions) {
            out.add(p);
        }
        return out;
    }

    @Test
    void lookupsEqualAScanOverAllTokensOnRandomTexts() {
        SplittableRandom random = new SplittableRandom(7);
        for (int run = 0; run < 500; run++) {
            StringBuilder text = new StringBuilder();
            int words = random.nextInt(0, 60);
            for (int w = 0; w < words; w++) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(GAPS[random.nextInt(GAPS.length)]);
            }
            Tokens t = Tokens.of(text.toString());
            TokenPositions capitalised = TokenPositions.capitalised(t);
            TokenPositions others = TokenPositions.notCapitalised(t);
            TokenPositions lowerCase = TokenPositions.capitalisedLowerCase(t);
            for (String word : WORDS) {
                // The caller picks the index by the key's first letter, as Tokens.capitalised does.
                TokenPositions exact = Character.isUpperCase(word.charAt(0)) ? capitalised : others;
                assertThat(list(exact.of(word))).as("%s in %s", word, text).isEqualTo(scan(t, word, false));
                String lower = word.toLowerCase(Locale.ROOT);
                assertThat(list(lowerCase.of(lower))).as("%s in %s", lower, text).isEqualTo(scan(t, lower, true));
            }
        }
    }

    @Test
    void eachIndexHoldsOnlyItsOwnTokens() {
        Tokens t = Tokens.of("piedmont said Piedmont Aviation and PIEDMONT");
        assertThat(TokenPositions.capitalisedLowerCase(t).of("piedmont")).containsExactly(2, 5);
        assertThat(TokenPositions.notCapitalised(t).of("piedmont")).containsExactly(0);
        assertThat(TokenPositions.capitalised(t).of("Piedmont")).containsExactly(2);
        assertThat(TokenPositions.capitalised(t).of("Boeing")).isEmpty();
    }
}
