package io.wirestream.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic wire-style articles for benchmarks, same seed same articles. An original has a dateline, a
 * headline and one- or two-sentence paragraphs about one place and one other country (leaders, invented
 * officials with jobs, international bodies, cities, figures), a reporting credit and its outlet's footer.
 * Sentences are assembled from many short parts, so unrelated originals share few 5-word shingles, as
 * real news does. A controlled share of the articles are syndicated copies of earlier originals, published
 * later by another outlet under another URL: the same body with a new headline, or with one sentence
 * edited, or verbatim (only the outlet footer differs).
 */
public final class ArticleGenerator {

    /** How a copy differs from its original (besides outlet, URL and footer). */
    public enum Variant { ORIGINAL, NEW_HEADLINE, EDITED_SENTENCE, VERBATIM }

    /**
     * One generated article.
     *
     * @param index   position in the generated sequence (publication order of the originals)
     * @param json    the document as a connector reads it: {@code title, text, url, published, source, author}
     * @param copyOf  index of the original this is a copy of, or -1 for an original
     * @param variant how it was made
     */
    public record Article(int index, ObjectNode json, int copyOf, Variant variant) {
        public boolean original() {
            return copyOf < 0;
        }
    }

    private record Place(String city, String country, String demonym, String leader) {
    }

    private static final Place[] PLACES = {
            new Place("Nairobi", "Kenya", "Kenyan", "President William Ruto"),
            new Place("Jakarta", "Indonesia", "Indonesian", "President Prabowo Subianto"),
            new Place("Warsaw", "Poland", "Polish", "Prime Minister Donald Tusk"),
            new Place("Lima", "Peru", "Peruvian", "President Dina Boluarte"),
            new Place("Hanoi", "Vietnam", "Vietnamese", "Prime Minister Pham Minh Chinh"),
            new Place("Cairo", "Egypt", "Egyptian", "President Abdel Fattah al-Sisi"),
            new Place("Ottawa", "Canada", "Canadian", "Prime Minister Mark Carney"),
            new Place("Yerevan", "Armenia", "Armenian", "Prime Minister Nikol Pashinyan"),
            new Place("Manila", "the Philippines", "Philippine", "President Ferdinand Marcos Jr"),
            new Place("Accra", "Ghana", "Ghanaian", "President John Mahama"),
            new Place("Santiago", "Chile", "Chilean", "President Gabriel Boric"),
            new Place("Tokyo", "Japan", "Japanese", "Prime Minister Shigeru Ishiba"),
            new Place("Kyiv", "Ukraine", "Ukrainian", "President Volodymyr Zelenskiy"),
            new Place("Dakar", "Senegal", "Senegalese", "President Bassirou Diomaye Faye"),
            new Place("Lisbon", "Portugal", "Portuguese", "Prime Minister Luis Montenegro"),
            new Place("Ankara", "Turkey", "Turkish", "President Tayyip Erdogan"),
            new Place("Brasilia", "Brazil", "Brazilian", "President Luiz Inacio Lula da Silva"),
            new Place("New Delhi", "India", "Indian", "Prime Minister Narendra Modi"),
            new Place("Berlin", "Germany", "German", "Chancellor Friedrich Merz"),
            new Place("Paris", "France", "French", "President Emmanuel Macron"),
            new Place("Mexico City", "Mexico", "Mexican", "President Claudia Sheinbaum"),
            new Place("Seoul", "South Korea", "South Korean", "President Lee Jae-myung"),
            new Place("Addis Ababa", "Ethiopia", "Ethiopian", "Prime Minister Abiy Ahmed"),
            new Place("Buenos Aires", "Argentina", "Argentine", "President Javier Milei"),
            new Place("Tbilisi", "Georgia", "Georgian", "Prime Minister Irakli Kobakhidze"),
            new Place("Islamabad", "Pakistan", "Pakistani", "Prime Minister Shehbaz Sharif"),
            new Place("Canberra", "Australia", "Australian", "Prime Minister Anthony Albanese"),
            new Place("Pretoria", "South Africa", "South African", "President Cyril Ramaphosa"),
            new Place("Madrid", "Spain", "Spanish", "Prime Minister Pedro Sanchez"),
            new Place("Rome", "Italy", "Italian", "Prime Minister Giorgia Meloni"),
    };
    private static final String[] CITIES = {"Odesa", "Mombasa", "Surabaya", "Krakow", "Arequipa", "Da Nang", "Alexandria",
            "Vancouver", "Gyumri", "Cebu", "Kumasi", "Valparaiso", "Osaka", "Kharkiv", "Saint-Louis", "Porto", "Izmir",
            "Sao Paulo", "Mumbai", "Hamburg", "Marseille", "Monterrey", "Busan", "Dire Dawa", "Cordoba", "Batumi",
            "Karachi", "Perth", "Durban", "Valencia", "Naples", "Geneva", "Brussels", "Doha", "Singapore", "Rotterdam"};
    private static final String[] BODIES = {"the United Nations", "the European Union", "the International Monetary Fund",
            "the World Bank", "the World Health Organization", "the African Union", "the World Trade Organization",
            "the Red Cross", "NATO", "the Group of 20", "the Asian Development Bank", "OPEC"};
    private static final String[] FIRST = {"Maria", "Anton", "Olena", "James", "Fatima", "Kenji", "Amina", "Lucas", "Sofia",
            "Ahmed", "Priya", "Tomasz", "Elena", "David", "Chen", "Grace", "Mehmet", "Ana", "Pieter", "Nadia", "Samuel",
            "Yuki", "Hassan", "Clara", "Ibrahim", "Lena", "Rafael", "Aiko", "Kwame", "Ines"};
    private static final String[] LAST = {"Petrova", "Kovalenko", "Okonkwo", "Haddad", "Lindqvist", "Moreau", "Tanaka",
            "Mwangi", "Oliveira", "Rahman", "Nowak", "Schneider", "Rossi", "Fernandez", "Demir", "Van der Berg", "Alvarez",
            "Nakamura", "Kariuki", "Brennan", "Sokolov", "Hartmann", "Mensah", "Castellano", "Osei", "Quispe", "Nguyen"};
    private static final String[] JOBS = {"a spokesman for the finance ministry", "an economist at Harbour Capital",
            "a senior official who asked not to be named", "the head of the national farmers' union",
            "a political analyst at the University of Leeds", "a spokeswoman for the defence ministry",
            "the mayor of the port city", "a diplomat briefed on the talks", "chief executive of Northern Freight Lines",
            "a researcher at the Institute for Security Studies", "the deputy energy minister", "a trade union leader",
            "a lawyer representing the families", "the governor of the central bank", "an aid worker"};
    private static final String[] OUTLETS = {"Daily Meridian", "Pacific Ledger", "Continental Press", "Highland Times",
            "Riverside Observer", "Harbour Gazette", "Northern Courier", "Eastern Wire", "Capital Tribune", "Coastal Herald",
            "Valley Chronicle", "Metro Dispatch", "Global Bulletin", "Summit Post", "Prairie Record", "Delta Sentinel",
            "Lakeside Journal", "Union Register", "Frontier Mail", "Atlas Review"};

    private static final String[] SUBJECTS = {"the {D} government", "{L}", "officials in {K}", "the {D} central bank",
            "{B}", "lawmakers in {C}", "the ministry of trade", "exporters in {K}", "{P}, {J},", "the opposition in {C}",
            "the national grid operator", "port authorities in {K}", "the {D} army", "regional governors",
            "the state oil company", "mediators from {X}", "the {Y} embassy", "rescue teams", "the election commission",
            "farmers near {K}", "the health ministry", "investors", "union leaders", "the coalition's junior partner"};
    private static final String[] REPORTS = {"said on {W} that", "warned that", "announced that", "confirmed that",
            "told reporters in {K} that", "rejected claims that", "signalled that", "denied reports that",
            "said in a statement that", "acknowledged that", "insisted that", "told parliament that", "said late on {W} that"};
    // Reported speech, so past or modal forms: they agree with any subject.
    private static final String[] VERBS = {"would raise", "planned to cut", "had blocked", "agreed to extend", "was seeking to renegotiate",
            "refused to approve", "would review", "moved to suspend", "had quietly expanded", "could scrap", "wanted to double",
            "had delayed", "was preparing to sell", "would guarantee", "had underestimated", "would halve", "promised to restore",
            "lifted", "imposed", "tightened", "was close to finalising", "had frozen", "pledged to rebuild", "challenged"};
    private static final String[] OBJECTS = {"fuel subsidies", "the grain export deal", "its benchmark interest rate",
            "a loan of {N} billion dollars", "the ceasefire agreement", "import tariffs on steel", "visa rules for seasonal workers",
            "its troop presence near {K}", "the privatisation of the state airline", "electricity prices for households",
            "a bond sale", "the nuclear safety inspections", "funding for flood defences", "the fishing quota",
            "water rationing in {K}", "the railway link to {X}", "the minimum wage", "licences for foreign miners",
            "the budget for {M}", "pension payments", "a curfew in {K}", "the debt restructuring talks",
            "its stake in the telecoms operator", "the mining code", "food aid deliveries", "emergency powers",
            "talks with {X} on the border", "the contract for a new port terminal", "capital controls", "the carbon tax",
            "the vaccination campaign", "ferry services to the islands", "a ban on rice exports", "the state of emergency",
            "the hydropower dam project", "military aid from {X}", "tax breaks for car makers", "the teachers' pay deal"};
    private static final String[] MODIFIERS = {"before the end of the year", "after weeks of protests", "despite objections from {X}",
            "in a bid to curb inflation", "under pressure from creditors", "for the first time since {Y} independence",
            "ahead of elections due in {M}", "as the currency hit a record low", "following a court ruling on {W}",
            "without consulting parliament", "to win back rural voters", "as talks with {B} stalled", "within {N} days",
            "after floods displaced {N},000 people", "while the inquiry continues", "in exchange for debt relief",
            "once the winter is over", "amid a row with {X}", "as demanded by the unions", "after a record harvest",
            "to ease a fuel shortage in {K}", "at an emergency cabinet meeting", "from {M}", "by {N} percent"};
    private static final String[] ATTRIBUTIONS = {"according to a draft seen by reporters", "two sources familiar with the matter said",
            "state media reported", "the ministry said in a statement", "local officials in {K} said",
            "according to figures published on {W}", "a spokesperson for {B} said", "documents reviewed by the agency showed",
            "people close to the talks said", "the statistics office said"};
    private static final String[] INDICATORS = {"Inflation", "Industrial output", "Unemployment", "Exports", "Retail sales",
            "The trade deficit", "Wheat production", "Tourist arrivals", "Foreign reserves", "Public debt", "Car sales"};
    private static final String[] MOVES = {"rose", "fell", "climbed", "slipped", "jumped", "eased", "dropped", "edged up"};
    private static final String[] HEADLINE_SUBJECTS = {"{D} government", "{L}", "{D} central bank", "{B}", "{K} port workers",
            "{D} lawmakers", "{X} and {C}", "{D} opposition", "{D} farmers", "{D} regulator", "{C}"};
    private static final String[] HEADLINE_VERBS = {"moves to", "vows to", "set to", "refuses to", "agrees to", "plans to",
            "under pressure to", "seeks to", "considers plan to", "votes to"};
    private static final String[] HEADLINE_OBJECTS = {"cut fuel subsidies", "extend grain deal", "raise rates", "review border talks",
            "suspend mining licences", "double flood defence funding", "scrap carbon tax", "restore ferry services",
            "lift rice export ban", "tighten capital controls", "freeze state airline sale", "halve import tariffs",
            "end state of emergency", "renegotiate {N} billion dollar loan", "rebuild rail link to {X}", "raise minimum wage"};
    private static final String[] HEADLINE_TAILS = {"", "", " after protests", " as inflation bites", " ahead of vote",
            " despite {X} objections", ", sources say", " amid row with {X}", " in {K}"};
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    private static final String[] MONTHS_SHORT = {"Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept",
            "Oct", "Nov", "Dec"};

    private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");
    /** Originals are spread over three days of publication time; copies follow their original by 2 min to 6 h. */
    private static final long WINDOW_SECONDS = 259_200L;
    /** Copies are of one of the last this many originals: syndication follows the news. */
    private static final int RECENT_ORIGINALS = 200;

    private final Random random;
    private final ObjectMapper json = new ObjectMapper();

    public ArticleGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code n} articles as JSON objects {@code {title,text,url,published,source,author}}; {@code copyShare} of them are copies. */
    public List<ObjectNode> generate(int n, double copyShare, int wordsPerArticle) {
        return articles(n, copyShare, wordsPerArticle).stream().map(Article::json).toList();
    }

    /**
     * {@code n} articles of about {@code wordsPerArticle} body words, of which exactly
     * {@code round(n * copyShare)} are copies of earlier originals (the first article is always an original).
     */
    public List<Article> articles(int n, double copyShare, int wordsPerArticle) {
        if (n < 1) {
            throw new IllegalArgumentException("articles must be >= 1, was " + n);
        }
        if (!(copyShare >= 0 && copyShare < 1)) {
            throw new IllegalArgumentException("share of copies must be in [0, 1), was " + copyShare);
        }
        if (wordsPerArticle < 20) {
            throw new IllegalArgumentException("words per article must be >= 20, was " + wordsPerArticle);
        }
        boolean[] copy = copyPositions(n, (int) Math.min(n - 1, Math.round(n * copyShare)));
        List<Article> out = new ArrayList<>(n);
        List<Integer> originals = new ArrayList<>();
        Map<Integer, Draft> drafts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (copy[i]) {
                int of = originals.get(originals.size() - 1 - random.nextInt(Math.min(originals.size(), RECENT_ORIGINALS)));
                out.add(copyOf(i, out.get(of), drafts.get(of)));
            } else {
                originals.add(i);
                Draft draft = draft(wordsPerArticle);
                drafts.put(i, draft);
                out.add(new Article(i, original(i, n, draft), -1, Variant.ORIGINAL));
            }
        }
        return out;
    }

    /** Exactly {@code copies} positions out of 1..n-1, spread at random. */
    private boolean[] copyPositions(int n, int copies) {
        List<Integer> positions = new ArrayList<>(n);
        for (int i = 1; i < n; i++) {
            positions.add(i);
        }
        Collections.shuffle(positions, random);
        boolean[] copy = new boolean[n];
        positions.subList(0, copies).forEach(i -> copy[i] = true);
        return copy;
    }

    /** A story and its body's sentences, the reporting credit last; {@link #original} adds dateline and layout. */
    private record Draft(Story story, List<String> sentences) {
    }

    private Draft draft(int words) {
        Place home = pick(PLACES);
        Place other = pick(PLACES);
        while (other == home) {
            other = pick(PLACES);
        }
        Story story = new Story(home, other, person(), pick(JOBS));
        List<String> sentences = new ArrayList<>();
        int count = 0;
        while (count < words) {
            String sentence = sentence(story);
            sentences.add(sentence);
            count += countWords(sentence);
        }
        sentences.add("(Reporting by " + person() + "; Editing by " + person() + ")");
        return new Draft(story, sentences);
    }

    /** The original's document; appends the paragraph layout to the draft's sentences, for its copies. */
    private ObjectNode original(int i, int n, Draft draft) {
        Story s = draft.story();
        List<String> sentences = draft.sentences();
        Instant published = START.plusSeconds((long) i * WINDOW_SECONDS / Math.max(1, n) + random.nextInt(60));
        ZonedDateTime date = published.atZone(ZoneOffset.UTC);
        String dateline = s.home().city().toUpperCase(Locale.ROOT) + ", " + MONTHS_SHORT[date.getMonthValue() - 1] + " "
                + date.getDayOfMonth() + " (Wirestream) - ";
        String outlet = pick(OUTLETS);
        // Wire copy: one- or two-sentence paragraphs; the layout is drawn once and kept by every copy.
        StringBuilder layout = new StringBuilder();
        for (int k = 1; k < sentences.size(); k++) {
            layout.append(k == sentences.size() - 1 || random.nextInt(3) == 0 ? 'P' : 'S');
        }
        sentences.set(0, dateline + sentences.get(0));
        sentences.add(layout.toString());
        ObjectNode a = json.createObjectNode();
        a.put("title", headline(s));
        a.put("text", join(sentences) + footer(outlet));
        a.put("url", url(outlet, i));
        a.put("published", published.toString());
        a.put("source", outlet);
        a.put("author", person());
        return a;
    }

    /** Sentences joined by a space or a paragraph break as the layout (the list's last element) says. */
    private static String join(List<String> sentencesAndLayout) {
        String layout = sentencesAndLayout.get(sentencesAndLayout.size() - 1);
        StringBuilder out = new StringBuilder(sentencesAndLayout.get(0));
        for (int k = 1; k < sentencesAndLayout.size() - 1; k++) {
            out.append(layout.charAt(k - 1) == 'P' ? "\n\n" : " ").append(sentencesAndLayout.get(k));
        }
        return out.toString();
    }

    private Article copyOf(int i, Article original, Draft draft) {
        ObjectNode o = original.json();
        String outlet = pick(OUTLETS);
        while (outlet.equals(o.get("source").asText())) {
            outlet = pick(OUTLETS);
        }
        String title = o.get("title").asText();
        List<String> body = new ArrayList<>(draft.sentences());
        Variant variant = switch (random.nextInt(5)) {
            case 0, 1 -> Variant.NEW_HEADLINE;
            case 2, 3 -> Variant.EDITED_SENTENCE;
            default -> Variant.VERBATIM;
        };
        Story s = draft.story();
        if (variant == Variant.NEW_HEADLINE) {
            String changed = headline(s);
            while (changed.equals(title)) {
                changed = headline(s);
            }
            title = changed;
        } else if (variant == Variant.EDITED_SENTENCE && body.size() > 3) {
            // A subeditor's rewrite of one sentence: neither the dateline's, nor the credit.
            body.set(1 + random.nextInt(body.size() - 3), sentence(s));
        }
        ObjectNode a = json.createObjectNode();
        a.put("title", title);
        a.put("text", join(body) + footer(outlet));
        a.put("url", url(outlet, i));
        a.put("published", Instant.parse(o.get("published").asText()).plusSeconds(120 + random.nextInt(6 * 3600)).toString());
        a.put("source", outlet);
        a.put("author", person());
        return new Article(i, a, original.index(), variant);
    }

    private static String footer(String outlet) {
        return "\n\nCopyright 2026 " + outlet + ". All rights reserved. Follow " + outlet + " for more world news.";
    }

    private static String url(String outlet, int i) {
        return "https://" + outlet.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example/world/" + i;
    }

    /** What one original is about: its dateline place, the other country involved and a named official. */
    private record Story(Place home, Place other, String official, String job) {
    }

    private String headline(Story s) {
        String h = fill(pick(HEADLINE_SUBJECTS) + " " + pick(HEADLINE_VERBS) + " " + pick(HEADLINE_OBJECTS) + pick(HEADLINE_TAILS), s);
        return Character.toUpperCase(h.charAt(0)) + h.substring(1);
    }

    private String sentence(Story s) {
        String template = switch (random.nextInt(6)) {
            case 0, 1 -> pick(SUBJECTS) + " " + pick(REPORTS) + " " + clause();
            case 2 -> "\"We " + firstPerson(pick(VERBS)) + " " + pick(OBJECTS) + " " + pick(MODIFIERS) + ",\" {P}, {J}, said";
            case 3 -> clause() + ", " + pick(ATTRIBUTIONS);
            case 4 -> pick(INDICATORS) + " in {C} " + pick(MOVES) + " {N}.{n} percent in {M}, " + pick(ATTRIBUTIONS);
            default -> "{O}, {o}, said " + pick(OBJECTS) + " " + pick(MODIFIERS) + " was " + pick(new String[] {
                    "the main obstacle", "not up for negotiation", "a matter for parliament", "under review",
                    "long overdue", "a mistake", "likely within weeks", "not enough"});
        };
        String filled = fill(template, s);
        return Character.toUpperCase(filled.charAt(0)) + filled.substring(1) + ".";
    }

    /** "was seeking" as "we were seeking". */
    private static String firstPerson(String verb) {
        return verb.startsWith("was ") ? "were" + verb.substring(3) : verb;
    }

    private String clause() {
        return pick(SUBJECTS) + " " + pick(VERBS) + " " + pick(OBJECTS) + " " + pick(MODIFIERS);
    }

    /**
     * Fills slots: {C} country, {D} demonym, {L} leader, {K} city (the dateline's one time in three),
     * {X} other country, {Y} its demonym, {B} international body, {P} invented person, {J} a job,
     * {O}/{o} the story's official and job, {W} weekday, {M} month, {N} number, {n} digit.
     */
    private String fill(String template, Story s) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '{') {
                out.append(c);
                continue;
            }
            char slot = template.charAt(i + 1);
            i += 2;
            switch (slot) {
                case 'C' -> out.append(s.home().country());
                case 'D' -> out.append(s.home().demonym());
                case 'L' -> out.append(s.home().leader());
                case 'K' -> out.append(random.nextInt(3) == 0 ? s.home().city() : pick(CITIES));
                case 'X' -> out.append(s.other().country());
                case 'Y' -> out.append(s.other().demonym());
                case 'B' -> out.append(pick(BODIES));
                case 'P' -> out.append(person());
                case 'J' -> out.append(pick(JOBS));
                case 'O' -> out.append(s.official());
                case 'o' -> out.append(s.job());
                case 'W' -> out.append(pick(WEEKDAYS));
                case 'M' -> out.append(pick(MONTHS));
                case 'N' -> out.append(2 + random.nextInt(98));
                case 'n' -> out.append(random.nextInt(10));
                default -> throw new IllegalArgumentException("unknown slot {" + slot + "} in " + template);
            }
        }
        return out.toString();
    }

    private String person() {
        return pick(FIRST) + " " + pick(LAST);
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    static int countWords(CharSequence s) {
        return io.wirestream.text.Normalizer.countWords(s);
    }
}
