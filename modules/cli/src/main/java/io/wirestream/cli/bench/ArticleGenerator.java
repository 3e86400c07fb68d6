package io.wirestream.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic wire-style articles for benchmarks: sentences built from a news vocabulary, 20 outlets,
 * publication times over three days, and a controlled share of syndicated copies (a new headline and an
 * outlet footer on an earlier story's text). Same seed, same articles.
 */
public final class ArticleGenerator {

    private static final String[] SUBJECTS = {"The central bank", "The finance ministry", "Port workers", "The health agency",
            "Negotiators", "The election commission", "Farmers' unions", "The foreign minister", "Rescue teams", "The regulator",
            "Shipping companies", "The city council", "Opposition lawmakers", "Aid agencies", "The national airline"};
    private static final String[] VERBS = {"said on Tuesday that", "warned that", "announced that", "confirmed that",
            "told reporters that", "rejected claims that", "expects that", "signalled that", "denied reports that"};
    private static final String[] CLAUSES = {"talks would resume next week", "prices had risen faster than forecast",
            "the deadline could be extended", "more funding would be needed before the winter", "the agreement remained on track",
            "exports fell for a third straight month", "the strike would continue until wages were raised",
            "new rules would take effect in January", "flood waters were receding in the north", "inflation had eased slightly",
            "the border crossing would reopen on Friday", "the budget gap was wider than expected", "the vote was postponed",
            "investment in the port would double", "emergency shelters were at capacity", "the ceasefire largely held overnight"};
    private static final String[] PLACES = {"in Nairobi", "in Jakarta", "in Warsaw", "in Lima", "in Hanoi", "in Cairo", "in Ottawa",
            "in Yerevan", "in Manila", "in Accra", "in Santiago", "in Osaka", "in Kyiv", "in Dakar", "in Lisbon"};

    private final Random random;
    private final ObjectMapper json = new ObjectMapper();

    public ArticleGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code n} articles as JSON objects {@code {title,text,url,published,source}}; {@code copyShare} of them are copies. */
    public List<ObjectNode> generate(int n, double copyShare, int wordsPerArticle) {
        List<ObjectNode> out = new ArrayList<>(n);
        Instant start = Instant.parse("2026-11-20T00:00:00Z");
        for (int i = 0; i < n; i++) {
            ObjectNode a = json.createObjectNode();
            String source = "outlet-" + random.nextInt(20);
            Instant published = start.plusSeconds((long) i * 259_200L / Math.max(1, n));
            if (i > 0 && random.nextDouble() < copyShare) {
                ObjectNode original = out.get(Math.max(0, i - 1 - random.nextInt(Math.min(i, 200))));
                a.put("title", sentence().replace(".", ""));
                a.put("text", original.get("text").asText() + "\n\nDistributed by " + source + ".");
            } else {
                a.put("title", sentence().replace(".", ""));
                a.put("text", body(wordsPerArticle));
            }
            a.put("url", "https://" + source + ".example/news/" + i);
            a.put("published", published.toString());
            a.put("source", source);
            out.add(a);
        }
        return out;
    }

    private String body(int words) {
        StringBuilder sb = new StringBuilder();
        int count = 0;
        while (count < words) {
            StringBuilder para = new StringBuilder();
            for (int s = 0; s < 3 && count < words; s++) {
                String sentence = sentence();
                para.append(para.length() == 0 ? "" : " ").append(sentence);
                count += sentence.split(" ").length;
            }
            sb.append(sb.length() == 0 ? "" : "\n\n").append(para);
        }
        return sb.toString();
    }

    private String sentence() {
        return pick(SUBJECTS) + " " + pick(PLACES) + " " + pick(VERBS) + " " + pick(CLAUSES) + ", and " + pick(CLAUSES) + ".";
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
