package io.wirestream.tagger;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/** The small closed word lists the tagger's rules read. English; matched against tokens as written. */
final class Cues {

    private Cues() {
    }

    /**
     * An unmodifiable HashSet rather than Set.of: the rules ask these sets about nearly every token, and a HashSet
     * finds its bucket with a mask where Set.of divides.
     */
    static Set<String> set(String... words) {
        return Collections.unmodifiableSet(new HashSet<>(Arrays.asList(words)));
    }

    /** Capitalised titles that precede a person's name ("Prime Minister Nikol Pashinyan", "Gen. Smith"). */
    static final Set<String> TITLE_WORDS = set("President", "Vice", "Prime", "Minister", "Premier", "Chancellor",
            "Secretary", "Secretary-General", "Governor", "Mayor", "Senator", "Sen", "Rep", "Representative", "Gen", "General",
            "Colonel", "Col", "Lt", "Lieutenant", "Major", "Maj", "Captain", "Capt", "Commander", "Admiral", "Adm", "Marshal",
            "Ambassador", "Envoy", "Spokesman", "Spokeswoman", "Spokesperson", "King", "Queen", "Prince", "Princess",
            "Crown", "Sheikh", "Emir", "Sultan", "Pope", "Cardinal", "Archbishop", "Bishop", "Patriarch", "Ayatollah", "Imam",
            "Rabbi", "Judge", "Justice", "Chairman", "Chairwoman", "Chair", "Chief", "Director", "Commissioner", "Speaker",
            "Mr", "Mrs", "Ms", "Dr", "Professor", "Prof", "Rev", "Sir", "Dame", "Lord", "Lady", "Deputy", "Foreign",
            "Defence", "Defense", "Interior", "Finance", "Economy", "Trade", "Health", "Energy", "Justice", "Agriculture",
            "Education", "Culture", "Labour", "Labor", "Transport", "Environment", "Emergency", "Emergencies",
            "Security", "National", "State", "Acting", "Former", "Opposition", "Leader", "Attorney", "Senior", "Supreme",
            "Executive", "CEO", "Head", "Sergeant", "Sgt", "Officer", "Inspector", "Superintendent", "Detective",
            "Coach", "Councillor", "Councilor", "Congressman", "Congresswoman", "MP", "Lawmaker", "Chairperson");

    /** The last word of a title ("Minister" in "Foreign Minister"): only these make what follows a person. */
    static final Set<String> TITLE_HEADS = set("President", "Minister", "Premier", "Chancellor", "Secretary",
            "Secretary-General", "Governor", "Mayor", "Senator", "Sen", "Rep", "Representative", "Gen", "General", "Colonel", "Col",
            "Lt", "Lieutenant", "Maj", "Captain", "Capt", "Commander", "Admiral", "Adm", "Marshal", "Ambassador", "Envoy",
            "Spokesman", "Spokeswoman", "Spokesperson", "King", "Queen", "Prince", "Princess", "Sheikh", "Emir", "Sultan",
            "Pope", "Cardinal", "Archbishop", "Bishop", "Patriarch", "Ayatollah", "Imam", "Rabbi", "Judge", "Justice",
            "Chairman", "Chairwoman", "Chief", "Director", "Commissioner", "Speaker", "Mr", "Mrs", "Ms", "Dr", "Professor",
            "Prof", "Rev", "Sir", "Dame", "Lord", "Lady", "Leader", "CEO", "Sergeant", "Sgt", "Officer", "Inspector",
            "Superintendent", "Detective", "Coach", "Councillor", "Councilor", "Congressman", "Congresswoman", "MP",
            "Lawmaker", "Chairperson", "Attorney");

    /** Title words that are also ordinary words: "General Electric", "Chief Executive", "Major League". */
    static final Set<String> AMBIGUOUS_TITLES = set("General", "Chief", "Justice", "Director", "Major", "Head", "Speaker",
            "Officer", "Leader", "Marshal", "Captain", "Judge", "King", "Queen", "Prince", "Princess", "Lord", "Lady", "Sir",
            "Dame", "Coach", "Attorney", "Inspector", "Superintendent", "Detective", "Commander");

    /** Lower-case role nouns right before a name ("spokeswoman Maria Zakharova", "by analyst Jane Roe"). */
    static final Set<String> ROLE_NOUNS = set("president", "minister", "premier", "chancellor", "secretary",
            "governor", "mayor", "senator", "general", "colonel", "commander", "ambassador", "envoy", "spokesman",
            "spokeswoman", "spokesperson", "king", "queen", "prince", "judge", "chairman", "chairwoman", "chief", "director",
            "commissioner", "speaker", "professor", "analyst", "economist", "researcher", "official", "lawmaker", "leader",
            "activist", "lawyer", "journalist", "reporter", "correspondent", "expert", "adviser", "advisor", "aide",
            "founder", "owner", "executive", "manager", "negotiator", "diplomat", "colleague", "opponent", "rival",
            "counterpart", "successor", "predecessor", "candidate", "deputy", "mp", "strategist", "historian", "scientist",
            "doctor", "resident", "witness", "dealer", "trader", "head", "officer", "representative", "singer", "actor");

    /** Verbs after a name that make it a person ("Nishanov tweeted"). */
    static final Set<String> SPEECH_VERBS = set("said", "says", "told", "tweeted", "wrote", "writes", "added",
            "stated", "noted", "warned", "posted", "explained", "argued", "claimed", "insisted", "announced", "asked",
            "replied", "responded", "stressed", "urged", "acknowledged", "admitted", "denied", "confirmed", "recalled",
            "suggested", "continued", "concluded", "emphasised", "emphasized", "complained", "testified", "told",
            "cautioned", "predicted", "estimated", "believes", "thinks", "wants", "hopes");

    /** Verbs after a capital city's name that make it its government ("Moscow said", "Washington warned"). */
    static final Set<String> METONYM_VERBS = set("said", "says", "warned", "accused", "urged", "announced",
            "wants", "demanded", "rejected", "denied", "insisted", "responded", "imposed", "threatened", "sanctioned",
            "condemned", "welcomed", "criticised", "criticized", "blamed", "vowed", "pledged", "signalled", "signaled",
            "recognised", "recognized", "expelled", "summoned", "protested", "retaliated", "agreed", "refused", "declined",
            "approved", "backed", "supports", "supported", "opposes", "opposed", "insists", "claims", "claimed");

    /** Prepositions before a place ("in Nice", "near Split"). */
    static final Set<String> LOCATIVES = set("in", "near", "at", "from", "outside", "to", "into", "across",
            "around", "towards", "toward", "via", "inside", "throughout", "off", "between", "within", "visited", "visiting",
            "reached", "entered", "leaving", "left", "northern", "southern", "eastern", "western", "central", "of");

    /** Capitalised words that start sentences or stand in names without being part of a person's name. */
    static final Set<String> FUNCTION_WORDS = set("The", "A", "An", "In", "On", "At", "From", "To", "For", "By",
            "And", "But", "Or", "As", "With", "Of", "If", "When", "While", "After", "Before", "Since", "Across", "Inside",
            "Outside", "Near", "Both", "Unlike", "Like", "Meanwhile", "Then", "Also", "Why", "How", "What", "Where", "Who",
            "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You", "His", "Her", "Their",
            "Our", "My", "There", "Here", "Today", "Yesterday", "Tomorrow", "Monday", "Tuesday", "Wednesday", "Thursday",
            "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
            "Oct", "Nov", "Dec", "Under", "Over", "During", "Despite", "Amid", "Among", "Against", "Through", "About",
            "Following", "According", "Although", "Though", "However", "Still", "Yet", "So", "Now", "Later", "Earlier",
            "Last", "Next", "Some", "Many", "Most", "All", "Each", "Every", "Several", "Other", "Another", "Such", "No",
            "Not", "Only", "Even", "Just", "More", "Less", "Much", "Very", "Early", "Late", "Read", "Watch", "See", "Video",
            "Photo", "Photos", "Breaking", "Update", "Updated", "Exclusive", "Analysis", "Opinion", "Live", "New", "Old",
            "Top", "Big", "First", "Second", "Third", "Former", "Ex", "Pro", "Anti", "Mr", "Mrs", "Ms", "Dr", "Thanks",
            "Please", "Yes", "Oh", "Well", "Let", "Look", "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Will", "Would",
            "Can", "Could", "Should", "May", "Might", "Must", "Has", "Have", "Had", "Be", "Been", "Being");

    /** Words before a place that belong to the same place reference ("Eastern Ukraine", "Occupied Crimea"). */
    static final Set<String> PLACE_MODIFIERS = set("North", "South", "East", "West", "Northern", "Southern",
            "Eastern", "Western", "Central", "Northeast", "Northwest", "Southeast", "Southwest", "Northeastern",
            "Northwestern", "Southeastern", "Southwestern", "Greater", "Upper", "Lower", "Occupied", "Mainland", "Rural",
            "Coastal", "Downtown", "Metropolitan", "Metro", "Inner", "Outer", "Wartime", "Postwar", "Modern", "Ancient",
            "Neighbouring", "Neighboring", "Pro", "Anti", "Post", "Pre", "Soviet", "Imperial");

    /** Words after a place that keep it a place ("Bulacan Province", "Kherson Region", "Kabul City"). */
    static final Set<String> PLACE_TYPES = set("Province", "Region", "City", "State", "Oblast", "County",
            "District", "Governorate", "Island", "Islands", "Prefecture", "Territory", "Republic", "Municipality",
            "Department", "Valley", "Mountains", "Coast", "Area", "Metropolitan", "Krai", "Raion", "Canton", "Emirate",
            "Parish", "Borough", "Township", "Village", "Town", "Airport", "Border", "Crossing", "Strait", "Sea", "Gulf",
            "Peninsula", "Basin", "Delta", "Plateau", "Desert", "Highlands", "Lowlands", "Capital");

    /** Capitalised words that must never alone be a place, even when some admin unit carries the name. */
    static final Set<String> NOT_PLACES = set("North", "South", "East", "West", "Northern", "Southern", "Eastern",
            "Western", "Central", "Northeast", "Northwest", "Southeast", "Southwest", "Upper", "Lower", "Capital", "Coast",
            "Lakes", "Islands", "Centre", "Center", "Federal", "National", "Greater", "Middle", "Interior", "Mountain",
            "Plateau", "Highlands", "Littoral", "Maritime", "Savanes", "Sud", "Nord", "Est", "Ouest", "Centro", "Norte",
            "Oriental", "Occidental", "Metropolitan", "Region", "Province", "District", "City", "Federation", "Union",
            "Of", "Bar", "President", "General", "Police", "University", "Commonwealth", "Republic", "Kingdom", "Empire",
            "Industry", "Best", "Gulf", "Delta", "Coast", "Highlands", "Lagoon", "Lakes", "Islands", "Mountains", "Plains",
            "Capital District");

    /**
     * Place names that are also ordinary capitalised words or first names: they count only with corroboration
     * (the place's country or subdivision named elsewhere, or "Mobile, Alabama"), never on their own.
     */
    static final Set<String> COMMON_WORD_NAMES = set("Reading", "Mobile", "Split", "Nice", "Bath", "Independence",
            "Liberty", "Victory", "Hope", "Unity", "Progress", "Concord", "Providence", "Marathon", "Page", "Normal",
            "Orange", "Temple", "Sale", "Moody", "Mission", "Commerce", "Enterprise", "Opportunity", "Harmony", "Paradise",
            "Friendship", "Eugene", "Marion", "Lawrence", "Gary", "Florence", "Victoria", "Charlotte", "Jackson", "Lincoln",
            "Madison", "Franklin", "Aurora", "Tyler", "Chester", "Warren", "Clinton", "Troy", "Salem", "Kent", "Deal",
            "Wells", "March", "Battle", "Street", "Sandy", "Mercedes", "Dolores", "Storm", "Sharon", "Barry", "Stanley",
            "Douglas", "Grant", "Sherman", "Austin", "Darwin", "Asbestos", "Nome", "Mandela", "Bolivar", "Carson",
            "Pasadena", "Van", "Paul", "Mark", "Sterling", "Price", "Young", "Bay", "Banks", "Energy", "Union", "Globe",
            "Commerce", "Industry", "Carmel", "Eagle", "Centennial", "Mercer", "Fortune");

    /** Country names that are also ordinary words or first names: at a sentence start they need another mention. */
    static final Set<String> COMMON_WORD_COUNTRIES = set("Turkey", "China", "Chad", "Jordan", "Guinea");

    /** Currency words that are also verbs or common words ("Russia pounds Odesa", "Brazil won"). */
    static final Set<String> VERB_LIKE_CURRENCIES = set("pound", "pounds", "mark", "marks", "crown", "crowns", "real", "won",
            "funds", "cent", "cents", "rand", "lev", "leu", "currency", "sterling");

    /** Words after a country or demonym that make it a currency ("U.S. dlrs", "Swiss francs"). */
    static final Set<String> CURRENCY_WORDS = set("dollar", "dollars", "dlr", "dlrs", "franc", "francs", "yen", "pound",
            "pounds", "sterling", "mark", "marks", "lira", "lire", "peso", "pesos", "rupee", "rupees", "crown", "crowns",
            "krona", "kronor", "krone", "kroner", "guilder", "guilders", "funds", "currency", "cents", "cent", "rand",
            "real", "reais", "rouble", "roubles", "ruble", "rubles", "yuan", "renminbi", "won", "baht", "ringgit",
            "rupiah", "dinar", "dinars", "dirham", "dirhams", "riyal", "riyals", "shekel", "shekels", "escudo", "escudos",
            "peseta", "pesetas", "drachma", "drachmas", "schilling", "schillings", "zloty", "forint", "lev", "leu",
            "hryvnia", "tenge", "naira", "cedi", "shilling", "shillings", "kwacha", "euro", "euros", "ecu", "ecus");

    /**
     * Abbreviations of US states and Canadian provinces in datelines and after city names ("ROSLYN, N.Y.",
     * "Paris, Tex."): news-agency style, written here as facts. Only read right after a comma.
     */
    static final java.util.Map<String, String> STATE_ABBREVIATIONS = java.util.Map.ofEntries(
            java.util.Map.entry("Ala", "US-AL"), java.util.Map.entry("Ariz", "US-AZ"), java.util.Map.entry("Ark", "US-AR"),
            java.util.Map.entry("Calif", "US-CA"), java.util.Map.entry("Colo", "US-CO"), java.util.Map.entry("Conn", "US-CT"),
            java.util.Map.entry("Del", "US-DE"), java.util.Map.entry("Fla", "US-FL"), java.util.Map.entry("Ga", "US-GA"),
            java.util.Map.entry("Ill", "US-IL"), java.util.Map.entry("Ind", "US-IN"), java.util.Map.entry("Kan", "US-KS"),
            java.util.Map.entry("Kans", "US-KS"), java.util.Map.entry("Ky", "US-KY"), java.util.Map.entry("La", "US-LA"),
            java.util.Map.entry("Md", "US-MD"), java.util.Map.entry("Mass", "US-MA"), java.util.Map.entry("Mich", "US-MI"),
            java.util.Map.entry("Minn", "US-MN"), java.util.Map.entry("Miss", "US-MS"), java.util.Map.entry("Mo", "US-MO"),
            java.util.Map.entry("Mont", "US-MT"), java.util.Map.entry("Neb", "US-NE"), java.util.Map.entry("Nebr", "US-NE"),
            java.util.Map.entry("Nev", "US-NV"), java.util.Map.entry("N.H", "US-NH"), java.util.Map.entry("N.J", "US-NJ"),
            java.util.Map.entry("N.M", "US-NM"), java.util.Map.entry("N.Y", "US-NY"), java.util.Map.entry("N.C", "US-NC"),
            java.util.Map.entry("N.D", "US-ND"), java.util.Map.entry("Okla", "US-OK"), java.util.Map.entry("Ore", "US-OR"),
            java.util.Map.entry("Pa", "US-PA"), java.util.Map.entry("R.I", "US-RI"), java.util.Map.entry("S.C", "US-SC"),
            java.util.Map.entry("S.D", "US-SD"), java.util.Map.entry("Tenn", "US-TN"), java.util.Map.entry("Tex", "US-TX"),
            java.util.Map.entry("Vt", "US-VT"), java.util.Map.entry("Va", "US-VA"), java.util.Map.entry("Wash", "US-WA"),
            java.util.Map.entry("W.Va", "US-WV"), java.util.Map.entry("Wis", "US-WI"), java.util.Map.entry("Wisc", "US-WI"),
            java.util.Map.entry("Wyo", "US-WY"), java.util.Map.entry("D.C", "US-DC"), java.util.Map.entry("Ont", "CA-ON"),
            java.util.Map.entry("Que", "CA-QC"), java.util.Map.entry("B.C", "CA-BC"), java.util.Map.entry("Alta", "CA-AB"),
            java.util.Map.entry("Man", "CA-MB"), java.util.Map.entry("Sask", "CA-SK"), java.util.Map.entry("N.S", "CA-NS"),
            java.util.Map.entry("N.B", "CA-NB"), java.util.Map.entry("Nfld", "CA-NL"), java.util.Map.entry("P.E.I", "CA-PE"));
}
