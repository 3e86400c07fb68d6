package io.wirestream.cli;

import io.wirestream.cli.eval.DedupEvaluation;
import io.wirestream.cli.eval.DedupTruth;
import io.wirestream.cli.eval.GeoVirusEvaluation;
import io.wirestream.cli.eval.GeoVirusReader;
import io.wirestream.cli.eval.ReutersPlaces;
import io.wirestream.cli.eval.ReutersReader;
import io.wirestream.cli.eval.ReutersTagEvaluation;
import io.wirestream.cli.eval.SeedGoldEvaluation;
import io.wirestream.dedup.core.DedupConfig;
import io.wirestream.ingest.extract.ExtractionException;
import io.wirestream.model.RawArticle;
import io.wirestream.tagger.Tagger;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Offline evaluations of the pipeline's stages against brute-force truth. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Offline evaluations: 'eval dedup' scores near-duplicate detection on Reuters-21578,",
                "'eval tags' scores region and actor tagging on hand-annotated articles, GeoVirus and Reuters-21578."},
        subcommands = {EvalCommand.Dedup.class, EvalCommand.Tags.class})
final class EvalCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "dedup", mixinStandardHelpOptions = true,
            description = {"Run the offline deduplicator over the Reuters-21578 SGML files in event order (DATE, then NEWID) "
                    + "and score it against brute-force exact Jaccard truth on the label 'is a duplicate'.",
                    "The last line is: RESULT precision=.. recall=.. f1=.. articles=.. seconds=.."})
    static final class Dedup implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--reuters", required = true, paramLabel = "DIR", description = "Directory holding reut2-*.sgm.")
        Path reuters;

        @Option(names = "--threshold", paramLabel = "T", description = "Jaccard threshold (default: ${DEFAULT-VALUE}).")
        double threshold = DedupConfig.defaults().threshold();

        @Option(names = "--bands", paramLabel = "B", description = "LSH bands (default: ${DEFAULT-VALUE}).")
        int bands = DedupConfig.defaults().bands();

        @Option(names = "--rows", paramLabel = "R", description = "MinHash rows per band (default: ${DEFAULT-VALUE}).")
        int rows = DedupConfig.defaults().rows();

        @Option(names = "--retention-hours", paramLabel = "H",
                description = "Event-time window for candidates (default: the service's, ${DEFAULT-VALUE}).")
        long retentionHours = DedupConfig.defaults().retention().toHours();

        @Option(names = "--limit", paramLabel = "N", description = "Only the first N articles in event order.")
        Integer limit;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isDirectory(reuters)) {
                err.println("not a directory: " + reuters);
                err.flush();
                return 2;
            }
            if (limit != null && limit < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be >= 1, was " + limit);
            }
            DedupConfig defaults = DedupConfig.defaults();
            DedupConfig config;
            try {
                config = new DedupConfig(threshold, defaults.shingleSize(), bands, rows, defaults.minShingles(),
                        Duration.ofHours(retentionHours), defaults.stateTtl(), defaults.publishDelay(), defaults.maxBucketEntries(), defaults.seed());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            ReutersReader.Corpus corpus = ReutersReader.read(reuters);
            List<ReutersReader.Article> articles = corpus.articles();
            if (limit != null && limit < articles.size()) {
                articles = articles.subList(0, limit);
            }
            List<DedupTruth.Doc> docs = articles.stream()
                    .map(a -> new DedupTruth.Doc(a.newId(), a.time(), a.title(), a.text())).toList();
            DedupEvaluation eval = new DedupEvaluation(config);
            DedupEvaluation.Result result = eval.run(docs);
            eval.print(result, String.format("%s (%d files, %d articles, %d undated)", reuters, corpus.files(),
                    corpus.articles().size(), corpus.undated()), spec.commandLine().getOut());
            return 0;
        }
    }

    /**
     * {@code eval tags}: scores the tagger on hand annotation ({@link SeedGoldEvaluation}), GeoVirus mention spans
     * ({@link GeoVirusEvaluation}) and Reuters-21578 places, people and orgs ({@link ReutersTagEvaluation}); those
     * classes document the matching rules. All inputs are parsed before the tagger loads, so bad input fails fast.
     */
    @Command(name = "tags", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Score the tagger (the same code as 'wirestream analyze' and the tagger service). Each option runs one "
                    + "evaluation and prints its own report ending in a RESULT line; give any combination.",
                    "",
                    "--gold: hand-annotated articles (eval/seeds/gold.json format). Each file is extracted as 'analyze' does and "
                    + "scored like checks/seeds-tags: a region is found by equal code or name, a COUNTRY tag's country, or a "
                    + "name containing it; an actor when its name or an alias is contained in a tagged actor's name; not_regions "
                    + "and not_actors name what must not be tagged (the text before ' (', split at ' / '). Prints what is missing "
                    + "or forbidden per document, then:",
                    "  RESULT gold_found=N gold_total=N missing=N forbidden=N focus_right=N documents=N",
                    "",
                    "--geovirus: GeoVirus.xml. Each article's text is tagged as the body; predicted spans are the mentions of every "
                    + "region tag of any kind. The offset convention (0- or 1-based, UTF-16 or code points) is detected by "
                    + "checking text[start,end) against <name>, and the mismatches per convention are reported. Exact: same "
                    + "span; overlap: one-to-one greedy matching of overlapping spans (exact pairs first, then longest overlap). "
                    + "Lists the top 25 false negatives, false positives and boundary errors by surface form, then:",
                    "  RESULT exact_precision=.. exact_recall=.. exact_f1=.. overlap_precision=.. overlap_recall=.. overlap_f1=.. "
                    + "gold=N predicted=N articles=N",
                    "",
                    "--reuters: the Reuters-21578 reut2-*.sgm files. Records with a <PLACES> entry and a <BODY> are tagged as title "
                    + "+ body with their <DATE>. Each tag's country (and a HISTORICAL tag's own code, SU) is mapped to Reuters "
                    + "place codes by reuters-places.tsv (an ISO code counts for every Reuters code that lists it: RU for ussr, "
                    + "DE for west-germany); a code that matches no gold place is one false positive, charged to the Reuters code "
                    + "it primarily is; ISO codes with no Reuters code are listed, not scored. Micro precision/recall/F1 over (document, place) pairs, macro averages over documents, "
                    + "the top 20 missed and wrong codes. <PEOPLE> and <ORGS> are scored for recall: found when, hyphens as "
                    + "spaces, its words occur in an actor's name or id, it is the name without spaces (worldbank) or the name's "
                    + "initials (opec; ico-coffee by its part before the hyphen) or one of its mentions as written (ICCO). Then:",
                    "  RESULT precision=.. recall=.. f1=.. tp=N fp=N fn=N documents=N people_recall=.. orgs_recall=..",
                    "",
                    "Exit code 0 when the evaluations ran, whatever the scores; 2 for bad arguments or unreadable input."})
    static final class Tags implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--gold", paramLabel = "FILE", description = "Hand annotation (gold.json format); files relative to its directory.")
        Path gold;

        @Option(names = "--geovirus", paramLabel = "FILE", description = "GeoVirus.xml.")
        Path geovirus;

        @Option(names = "--reuters", paramLabel = "DIR", description = "Directory holding Reuters-21578 reut2-*.sgm.")
        Path reuters;

        @Option(names = "--limit", paramLabel = "N", description = "Only the first N GeoVirus articles and N evaluated Reuters records.")
        Integer limit;

        @Option(names = "--min-salience", paramLabel = "S", defaultValue = "0.3",
                description = {"--reuters: the places a story is about are its region tags with salience >= S (default: ${DEFAULT-VALUE});",
                        "Reuters <PLACES> lists what a story is about, not every country it mentions in passing. 0 scores every mention."})
        double minSalience;

        @Option(names = "--demonyms", description = "--geovirus: count mentions by demonym or adjective (\"Armenian\") as "
                + "toponyms too; by default they are left out, since GeoVirus annotates names of places only.")
        boolean demonyms;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (gold == null && geovirus == null && reuters == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give at least one of --gold, --geovirus, --reuters");
            }
            if (limit != null && limit < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be >= 1, was " + limit);
            }
            String unreadable = !readableFile(gold) ? "--gold: not a readable file: " + gold
                    : !readableFile(geovirus) ? "--geovirus: not a readable file: " + geovirus
                    : reuters != null && !Files.isDirectory(reuters) ? "--reuters: not a directory: " + reuters : null;
            if (unreadable != null) {
                err.println(unreadable);
                err.flush();
                return 2;
            }
            List<SeedGoldEvaluation.GoldDocument> goldDocs = null;
            GeoVirusReader.Corpus geo = null;
            List<ReutersReader.Labelled> records = null;
            String where = "";
            try {
                if (gold != null) {
                    where = "--gold " + gold;
                    goldDocs = SeedGoldEvaluation.parse(Files.readString(gold, StandardCharsets.UTF_8));
                }
                if (geovirus != null) {
                    where = "--geovirus " + geovirus;
                    geo = GeoVirusReader.read(geovirus);
                }
                if (reuters != null) {
                    where = "--reuters " + reuters;
                    records = ReutersReader.readLabelled(reuters);
                }
            } catch (IOException | UncheckedIOException e) {
                err.println(where + ": " + e.getMessage());
                err.flush();
                return 2;
            }
            Tagger tagger = Tagger.shared();
            if (goldDocs != null) {
                SeedGoldEvaluation eval = new SeedGoldEvaluation(Tags::extract, tagger::analyze);
                try {
                    eval.print(eval.run(goldDocs, gold.toAbsolutePath().getParent()), gold + " (" + goldDocs.size() + " documents)", out);
                } catch (IOException | ExtractionException e) {
                    err.println("--gold " + gold + ": " + e.getMessage());
                    err.flush();
                    return 2;
                }
            }
            if (geo != null) {
                List<GeoVirusReader.Article> articles = limit == null || limit >= geo.articles().size()
                        ? geo.articles() : geo.articles().subList(0, limit);
                GeoVirusEvaluation eval = new GeoVirusEvaluation(tagger::analyze, demonyms);
                eval.print(eval.run(articles), geo, geovirus + " (" + geo.articles().size() + " articles)", out);
            }
            if (records != null) {
                List<ReutersReader.Labelled> evaluated = records.stream().filter(ReutersTagEvaluation::evaluated)
                        .limit(limit == null ? Long.MAX_VALUE : limit).toList();
                ReutersTagEvaluation eval = new ReutersTagEvaluation(ReutersPlaces.load(), tagger::analyze, minSalience);
                eval.print(eval.run(evaluated), reuters + " (" + records.size() + " records)", out);
            }
            return 0;
        }

        private static boolean readableFile(Path file) {
            return file == null || Files.isRegularFile(file) && Files.isReadable(file);
        }

        /** The article as 'wirestream analyze FILE' extracts it. */
        private static SeedGoldEvaluation.ArticleText extract(Path file) throws IOException {
            try {
                RawArticle a = AnalyzeCommand.extractor().extract(ExtractCommand.document(file, null));
                return new SeedGoldEvaluation.ArticleText(a.getTitle(), a.getBody(), a.getPublishedAt());
            } catch (ExtractionException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
    }
}
