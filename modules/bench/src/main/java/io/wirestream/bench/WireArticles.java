package io.wirestream.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Deterministic wire-style articles for the tagger benchmarks: a headline, a dateline ("MOSCOW, March 3
 * (Reuters) - "), short paragraphs of sentences from templates naming countries, cities, demonyms, sitting
 * leaders, international bodies and invented officials, and a reporting credit. Same seed, same articles.
 */
final class WireArticles {

    /** One generated article; {@code published} falls in the first half of 2024 so leaders' roles resolve. */
    record Article(String title, String body, Instant published) {

        int words() {
            return countWords(title) + countWords(body);
        }
    }

    /** A dateline city with its country, the country's demonym and a leader holding office in 2024. */
    private record Place(String city, String country, String demonym, String leader) {
    }

    private static final Place[] PLACES = {
        new Place("Moscow", "Russia", "Russian", "President Vladimir Putin"),
        new Place("Kyiv", "Ukraine", "Ukrainian", "President Volodymyr Zelenskiy"),
        new Place("Beijing", "China", "Chinese", "President Xi Jinping"),
        new Place("Washington", "the United States", "U.S.", "President Joe Biden"),
        new Place("Paris", "France", "French", "President Emmanuel Macron"),
        new Place("Berlin", "Germany", "German", "Chancellor Olaf Scholz"),
        new Place("Tokyo", "Japan", "Japanese", "Prime Minister Fumio Kishida"),
        new Place("Nairobi", "Kenya", "Kenyan", "President William Ruto"),
        new Place("Cairo", "Egypt", "Egyptian", "President Abdel Fattah al-Sisi"),
        new Place("Ankara", "Turkey", "Turkish", "President Tayyip Erdogan"),
        new Place("Brasilia", "Brazil", "Brazilian", "President Luiz Inacio Lula da Silva"),
        new Place("New Delhi", "India", "Indian", "Prime Minister Narendra Modi"),
        new Place("Jakarta", "Indonesia", "Indonesian", "President Joko Widodo"),
        new Place("Jerusalem", "Israel", "Israeli", "Prime Minister Benjamin Netanyahu"),
        new Place("Rome", "Italy", "Italian", "Prime Minister Giorgia Meloni"),
        new Place("Madrid", "Spain", "Spanish", "Prime Minister Pedro Sanchez"),
        new Place("Ottawa", "Canada", "Canadian", "Prime Minister Justin Trudeau"),
        new Place("Canberra", "Australia", "Australian", "Prime Minister Anthony Albanese"),
        new Place("Warsaw", "Poland", "Polish", "Prime Minister Donald Tusk"),
        new Place("Tehran", "Iran", "Iranian", "President Ebrahim Raisi"),
        new Place("Riyadh", "Saudi Arabia", "Saudi", "Crown Prince Mohammed bin Salman"),
        new Place("Pretoria", "South Africa", "South African", "President Cyril Ramaphosa"),
        new Place("Mexico City", "Mexico", "Mexican", "President Andres Manuel Lopez Obrador"),
        new Place("Seoul", "South Korea", "South Korean", "President Yoon Suk Yeol"),
        new Place("Manila", "the Philippines", "Philippine", "President Ferdinand Marcos Jr"),
        new Place("Addis Ababa", "Ethiopia", "Ethiopian", "Prime Minister Abiy Ahmed"),
        new Place("Buenos Aires", "Argentina", "Argentine", "President Javier Milei"),
        new Place("Tbilisi", "Georgia", "Georgian", "Prime Minister Irakli Kobakhidze"),
        new Place("Islamabad", "Pakistan", "Pakistani", "Prime Minister Shehbaz Sharif"),
        new Place("Hanoi", "Vietnam", "Vietnamese", "Prime Minister Pham Minh Chinh"),
        new Place("Geneva", "Switzerland", "Swiss", "President Viola Amherd"),
        new Place("Brussels", "Belgium", "Belgian", "Prime Minister Alexander De Croo"),
    };

    /** Cities named in the text besides the dateline, some of them ambiguous on purpose. */
    private static final String[] CITIES = {"Odesa", "Kharkiv", "Gaza", "Rafah", "Beirut", "Damascus", "Baghdad", "Lagos",
        "Mumbai", "Shanghai", "Hong Kong", "Istanbul", "Alexandria", "Mombasa", "Sao Paulo", "Sydney", "Osaka", "Munich",
        "Marseille", "Milan", "Barcelona", "Krakow", "Vancouver", "Houston", "Cape Town", "Karachi", "Davos", "Doha",
        "Dubai", "Kinshasa", "Khartoum", "Tripoli", "Vienna", "Athens", "Belgrade", "Minsk", "Almaty", "Colombo"};

    private static final String[] BODIES = {"the United Nations", "NATO", "the European Union", "the International Monetary Fund",
        "the World Health Organization", "the African Union", "OPEC", "the World Bank", "the Group of Seven",
        "the Red Cross", "the International Atomic Energy Agency", "the World Trade Organization"};

    private static final String[] FIRST = {"Maria", "Anton", "Olena", "James", "Fatima", "Kenji", "Amina", "Lucas", "Sofia",
        "Ahmed", "Priya", "Tomasz", "Elena", "David", "Chen", "Grace", "Mehmet", "Ana", "Pieter", "Nadia", "Samuel", "Yuki",
        "Hassan", "Clara"};
    private static final String[] LAST = {"Petrova", "Kovalenko", "Okonkwo", "Haddad", "Lindqvist", "Moreau", "Tanaka",
        "Mwangi", "Oliveira", "Rahman", "Nowak", "Schneider", "Rossi", "Fernandez", "Demir", "Van der Berg", "Alvarez",
        "Nakamura", "Kariuki", "Brennan", "Sokolov", "Hartmann", "Mensah", "Castellano"};

    private static final String[] JOBS = {"a spokesman for the foreign ministry", "an economist at Capital Markets Research",
        "a senior official who asked not to be named", "the head of the national grain association",
        "a political analyst at the University of Leeds", "a spokeswoman for the defence ministry",
        "the mayor of the port city", "a diplomat briefed on the talks", "chief executive of Northern Freight Lines",
        "a researcher at the Institute for Security Studies"};

    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    // Slots: {C} country, {D} demonym, {L} leader, {K} city, {B} international body, {P} invented person,
    // {J} that person's job, {W} weekday, {N} a number, {M} a month, {X} the second country, {Y} its demonym.
    private static final String[] LEADS = {
        "{L} said on {W} that {C} would send a delegation to {K} for talks with {X} on a ceasefire and prisoner exchanges.",
        "{D} officials said on {W} that at least {N} people were killed when a missile struck a residential building in {K}.",
        "{C} and {X} agreed on {W} to resume direct flights and expand trade, a joint statement after talks in {K} said.",
        "{L} met {Y} counterparts on {W} to discuss energy supplies as prices rose for a third week in a row.",
        "{B} warned on {W} that food shortages in {C} could worsen unless aid convoys were allowed to reach {K}.",
        "Thousands of people marched through {K} on {W} to protest against a new tax law passed by the {D} parliament.",
    };

    private static final String[] SENTENCES = {
        "The talks, hosted by {B}, are expected to continue in {K} next week, {D} state media reported.",
        "\"We will not accept any agreement that ignores the security of our citizens,\" {P}, {J}, told reporters.",
        "{X} has denied the accusations and said its forces were acting in self-defence.",
        "{L} is due to travel to {K} in {M} for a summit with leaders from {X} and the Gulf.",
        "Officials in {X} did not immediately respond to a request for comment.",
        "The {D} central bank raised its main interest rate by {N} basis points on {W}, citing rising food and fuel prices.",
        "{P}, {J}, said the decision reflected growing pressure on {C} from its creditors.",
        "Trade between {C} and {X} grew by {N} percent last year, according to customs data.",
        "A spokesperson for {B} said the organisation was monitoring the situation closely.",
        "Rescue workers were searching for survivors in the rubble late into the night, local officials in {K} said.",
        "{Y} Foreign Minister {P} said {X} remained open to dialogue but would defend its interests.",
        "The {D} defence ministry said its air defences had shot down {N} drones over the region overnight.",
        "Critics say the law gives the government in {C} sweeping powers to restrict the media.",
        "The plan still needs the approval of parliament, where the ruling coalition holds a narrow majority.",
        "Shares in {D} exporters fell sharply after the announcement, while the currency weakened against the dollar.",
        "Diplomats said {B} would hold an emergency session on {W} at the request of {X}.",
        "{P}, who fled {K} with her two children in {M}, said she had no plans to return soon.",
        "Electricity was restored to most of {K} by {W} evening, the grid operator said.",
        "The agreement, signed in {K}, commits both sides to cut tariffs on farm goods over five years.",
        "It was the first visit by a {D} head of state to {X} in more than a decade.",
        "Analysts said the move was aimed at voters ahead of elections due in {M}.",
        "Neither side has published casualty figures, and the reports could not be independently verified.",
    };

    private static final String[] TITLES = {
        "{D} leader vows to press on with reforms after talks in {K}",
        "{C} and {X} agree to resume flights, expand trade",
        "Missile strike on {K} kills {N}, {D} officials say",
        "{B} warns of food shortages in {C}",
        "Thousands protest in {K} against new {D} tax law",
        "{L} to visit {X} as energy talks stall",
        "{Y} central bank raises rates as inflation climbs",
    };

    private static final int EPOCH_DAY_FROM = (int) LocalDate.of(2024, 2, 1).toEpochDay();
    private static final int DAYS = 150;

    private WireArticles() {
    }

    /** Reuters-sized: 120..180 body words, at most 1,000 characters. */
    static Article[] reuters(int count) {
        return corpus(count, 120, 180, 1_000, 0x7A66E2L);
    }

    /** Longer features: 560..640 body words. */
    static Article[] longer(int count) {
        return corpus(count, 560, 640, Integer.MAX_VALUE, 0x7A66E3L);
    }

    /**
     * {@code count} different articles of {@code minWords..maxWords} body words and at most {@code maxChars}
     * body characters each (the word minimum wins when both cannot hold).
     */
    static Article[] corpus(int count, int minWords, int maxWords, int maxChars, long seed) {
        Article[] out = new Article[count];
        for (int i = 0; i < count; i++) {
            out[i] = article(new SplittableRandom(seed * 1_000_003L + i), minWords, maxWords, maxChars);
        }
        return out;
    }

    static Article article(SplittableRandom random, int minWords, int maxWords, int maxChars) {
        Place home = PLACES[random.nextInt(PLACES.length)];
        Place other = PLACES[random.nextInt(PLACES.length)];
        while (other == home) {
            other = PLACES[random.nextInt(PLACES.length)];
        }
        LocalDate date = LocalDate.ofEpochDay(EPOCH_DAY_FROM + random.nextInt(DAYS));
        Instant published = date.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(86_400));

        String title = fill(TITLES[random.nextInt(TITLES.length)], random, home, other);
        StringBuilder body = new StringBuilder(maxWords * 7);
        body.append(home.city().toUpperCase(java.util.Locale.ROOT)).append(", ")
                .append(MONTHS[date.getMonthValue() - 1]).append(' ').append(date.getDayOfMonth()).append(" (Reuters) - ")
                .append(fill(LEADS[random.nextInt(LEADS.length)], random, home, other));
        String credit = "\n\n(Reporting by " + person(random) + "; Editing by " + person(random) + ")";
        int words = countWords(body) + countWords(credit);
        int target = minWords + random.nextInt(maxWords - minWords + 1);
        int inParagraph = 1;
        // Each template once per article while there are unused ones, so short articles do not repeat themselves.
        boolean[] used = new boolean[SENTENCES.length];
        int unused = SENTENCES.length;
        for (int tries = 0; words < target && tries < 1_000; tries++) {
            int k = random.nextInt(SENTENCES.length);
            if (used[k] && unused > 0) {
                continue;
            }
            String s = fill(SENTENCES[k], random, home, other);
            int w = countWords(s);
            if (words + w > maxWords || body.length() + 2 + s.length() + credit.length() > maxChars) {
                if (words >= minWords) {
                    break;
                }
                continue;
            }
            if (!used[k]) {
                used[k] = true;
                unused--;
            }
            // Wire copy: one- or two-sentence paragraphs.
            if (inParagraph >= 2 || random.nextInt(3) == 0) {
                body.append("\n\n");
                inParagraph = 0;
            } else {
                body.append(' ');
            }
            body.append(s);
            inParagraph++;
            words += w;
        }
        return new Article(title, body.append(credit).toString(), published);
    }

    private static String fill(String template, SplittableRandom random, Place home, Place other) {
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
                case 'C' -> out.append(capitalAtSentenceStart(out, home.country()));
                case 'D' -> out.append(home.demonym());
                case 'L' -> out.append(home.leader());
                case 'K' -> out.append(random.nextInt(3) == 0 ? home.city() : CITIES[random.nextInt(CITIES.length)]);
                case 'B' -> out.append(capitalAtSentenceStart(out, BODIES[random.nextInt(BODIES.length)]));
                case 'P' -> out.append(person(random));
                case 'J' -> out.append(JOBS[random.nextInt(JOBS.length)]);
                case 'W' -> out.append(WEEKDAYS[random.nextInt(WEEKDAYS.length)]);
                case 'N' -> out.append(2 + random.nextInt(60));
                case 'M' -> out.append(MONTHS[random.nextInt(MONTHS.length)]);
                case 'X' -> out.append(capitalAtSentenceStart(out, other.country()));
                case 'Y' -> out.append(other.demonym());
                default -> throw new IllegalArgumentException("unknown slot {" + slot + "} in " + template);
            }
        }
        return out.toString();
    }

    /** "the United States" opens a sentence as "The United States". */
    private static String capitalAtSentenceStart(StringBuilder before, String name) {
        boolean start = before.length() == 0 || before.charAt(before.length() - 1) == '"';
        return start && name.startsWith("the ") ? "The" + name.substring(3) : name;
    }

    private static String person(SplittableRandom random) {
        return FIRST[random.nextInt(FIRST.length)] + ' ' + LAST[random.nextInt(LAST.length)];
    }

    static int countWords(CharSequence s) {
        return io.wirestream.text.Normalizer.countWords(s);
    }
}
