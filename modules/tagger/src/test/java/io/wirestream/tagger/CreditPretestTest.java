package io.wirestream.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The cheap test before the trailing-credit pattern may skip a line only when the pattern would not match it. */
class CreditPretestTest {

    private static final String[] PIECES = {"AFP", "AP", "Reuters", "REUTERS", "EPA", "EPA-EFE", "Getty Images", "Getty",
        "Shutterstock", "Alamy", "AP Photo", "Anadolu", "Anadolu Agency", "Xinhua", "TASS", "Sputnik", "Bloomberg",
        "NurPhoto", "SOPA Images", "ZUMA Press", "Pool", "via", "/", " / ", "(", ")", " ", "  ", "\t", "\r", "John",
        "Smith", "Reporting by Jane Roe", ";", "Editing by", ".", "Photo", "Press", "Images)", "said"};

    private static boolean creditFound(String line) {
        Matcher m = TextAnalyzer.CREDIT.matcher(line);
        return m.find() && m.group().strip().length() > 1;
    }

    @Test
    void everyLineWithATrailingCreditPassesThePretest() {
        SplittableRandom random = new SplittableRandom(11);
        int credits = 0;
        for (int run = 0; run < 50_000; run++) {
            StringBuilder line = new StringBuilder();
            int pieces = random.nextInt(1, 8);
            for (int p = 0; p < pieces; p++) {
                line.append(PIECES[random.nextInt(PIECES.length)]);
                if (random.nextBoolean()) {
                    line.append(' ');
                }
            }
            String s = line.toString();
            if (creditFound(s)) {
                credits++;
                assertThat(TextAnalyzer.mayEndWithCredit(s.strip())).as("[%s]", s).isTrue();
            }
        }
        assertThat(credits).as("lines with a credit among the random ones").isGreaterThan(1_000);
    }

    @Test
    void bracketedFooterWithoutAnAgencySkipsThePattern() {
        assertThat(TextAnalyzer.mayEndWithCredit("(Reporting by Yuki Hartmann; Editing by Ana Tanaka)")).isFalse();
        assertThat(TextAnalyzer.mayEndWithCredit("A protester in Yerevan. (Photo: Karen Minasyan/AFP)")).isTrue();
    }
}
