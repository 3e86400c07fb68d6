package io.wirestream.cli;

import io.wirestream.cli.eval.DedupEvaluation;
import io.wirestream.cli.eval.DedupTruth;
import io.wirestream.cli.eval.ReutersReader;
import io.wirestream.dedup.core.DedupConfig;
import java.io.IOException;
import java.io.PrintWriter;
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
        description = "Offline evaluations: 'eval dedup' scores near-duplicate detection on Reuters-21578.",
        subcommands = {EvalCommand.Dedup.class})
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
}
