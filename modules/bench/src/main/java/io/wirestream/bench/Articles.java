package io.wirestream.bench;

import java.util.SplittableRandom;

/**
 * Deterministic English-like news articles for benchmarks: words drawn with a Zipf-like skew from a fixed
 * vocabulary, sentences of 8..30 words with capitals, commas and full stops, paragraphs of 3..6 sentences.
 */
final class Articles {

    private static final String[] VOCABULARY = (
            "the of and to a in that is was for on with as by at from it his said he be has have are an "
            + "which were not been their they its but this had will after more who would up one two year "
            + "government minister police people president officials told new first last state city country "
            + "week report percent million court election party could over than about into also against "
            + "between during before while under three years day time company market prices bank talks "
            + "security military forces border health hospital storm flood rain coast ferry port harbour "
            + "council mayor police statement spokesman according agency reuters news press conference "
            + "economy growth inflation interest rates central budget tax energy oil gas power climate "
            + "summit leaders meeting agreement deal trade tariffs exports imports workers union strike "
            + "protest crowd capital region province village victims injured killed rescue emergency "
            + "services investigation suspect arrested charged trial judge prison sentence appeal vote "
            + "parliament opposition coalition campaign candidate poll results support plan proposal "
            + "school students university research scientists study data record high low rise fall "
            + "quarter profit shares investors analysts expected forecast billion euros dollars pounds "
            + "team match season coach players goal win lost final league cup club fans stadium "
            + "monday tuesday wednesday thursday friday saturday sunday morning evening night early late "
            + "north south east west central local national international foreign domestic public private")
            .split(" ");

    private Articles() {
    }

    /** An article of exactly {@code words} words from the given seed. */
    static String article(int words, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(words * 7);
        int sentenceLeft = 0;
        int sentencesInParagraph = 0;
        boolean capital = true;
        for (int i = 0; i < words; i++) {
            if (sentenceLeft == 0) {
                if (i > 0) {
                    text.append('.');
                    if (++sentencesInParagraph == 3 + random.nextInt(4)) {
                        text.append("\n\n");
                        sentencesInParagraph = 0;
                    } else {
                        text.append(' ');
                    }
                }
                sentenceLeft = 8 + random.nextInt(23);
                capital = true;
            } else if (random.nextInt(12) == 0) {
                text.append(", ");
            } else {
                text.append(' ');
            }
            // Zipf-like: squaring a uniform draw favours the common words at the front of the list.
            double u = random.nextDouble();
            String word = VOCABULARY[(int) (u * u * VOCABULARY.length)];
            if (capital) {
                text.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
                capital = false;
            } else {
                text.append(word);
            }
            sentenceLeft--;
        }
        return text.append('.').toString();
    }

    /** {@code count} different articles of {@code words} words, so benchmarks do not replay one input. */
    static String[] corpus(int count, int words) {
        String[] articles = new String[count];
        for (int i = 0; i < count; i++) {
            articles[i] = article(words, 0x5EED_0000L + i);
        }
        return articles;
    }
}
