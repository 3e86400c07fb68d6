package io.wirestream.cli;

import io.wirestream.cli.demo.Demo;
import io.wirestream.cli.demo.DemoResult;
import io.wirestream.model.ActorTag;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.DuplicateStatus;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.RawArticle;
import io.wirestream.model.RegionTag;
import io.wirestream.model.topic.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirestream demo}: the whole pipeline in one process over the bundled samples, then a summary. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded Kafka broker and schema registry, run every service, ingest the bundled"
                + " sample articles and print what each stage produced.")
final class DemoCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--timeout", defaultValue = "PT120S", description = "How long to wait for the pipeline (ISO-8601 duration, default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--keep-data", description = "Keep the broker's data and the services' state in the printed directory.")
    boolean keepData;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("wirestream-demo-");
        try {
            out.println("Wirestream demo: every service on an in-process Kafka broker, over the bundled sample articles");
            DemoResult result = new Demo(work, partitions, timeout).run(line -> {
                out.println("  " + line);
                out.flush();
            });
            print(result, out);
            out.flush();
            return 0;
        } finally {
            if (keepData) {
                out.println("data kept in " + work);
            } else {
                deleteTree(work);
            }
        }
    }

    static void print(DemoResult r, PrintWriter out) {
        Map<DuplicateStatus, Long> byStatus = r.decisions().values().stream()
                .collect(Collectors.groupingBy(DuplicateDecision::getStatus, Collectors.counting()));
        out.println();
        out.println("Stage counts");
        out.printf("  %-26s %4d%n", Topics.DOCUMENTS, r.documents());
        out.printf("  %-26s %4d  (%d distinct articles; a document with an earlier one's URL is that article again)%n",
                Topics.ARTICLES_RAW, r.rawRecords(), r.raw().size());
        out.printf("  %-26s %4d  %s%n", Topics.DLQ, r.deadLetters().size(), r.deadLetters().stream()
                .map(h -> h.get("service") + ": " + h.get("error.message")).collect(Collectors.joining("; ")));
        out.printf("  %-26s %4d  final: %d ORIGINAL, %d EXACT_DUPLICATE, %d NEAR_DUPLICATE; %d corrections%n",
                Topics.DUPLICATES, r.decisions().size(), byStatus.getOrDefault(DuplicateStatus.ORIGINAL, 0L),
                byStatus.getOrDefault(DuplicateStatus.EXACT_DUPLICATE, 0L),
                byStatus.getOrDefault(DuplicateStatus.NEAR_DUPLICATE, 0L), r.corrections());
        out.printf("  %-26s %4d%n", Topics.ARTICLES_DEDUPED, r.originals().size());
        out.printf("  %-26s %4d  (%d with more than one article)%n", Topics.STORIES, r.stories().size(),
                r.stories().values().stream().filter(s -> s.getMemberCount() > 1).count());
        out.printf("  %-26s %4d%n", Topics.ENRICHED, r.enriched().size());
        out.println();
        out.println("Articles by event time");
        r.raw().values().stream()
                .sorted(Comparator.comparing((RawArticle a) -> a.getPublishedAt() != null ? a.getPublishedAt() : a.getIngestedAt())
                        .thenComparing(RawArticle::getArticleId))
                .forEach(a -> printArticle(r, a, out));
    }

    private static void printArticle(DemoResult r, RawArticle a, PrintWriter out) {
        DuplicateDecision d = r.decisions().get(a.getArticleId());
        String status = d == null ? "UNDECIDED" : d.getStatus() == DuplicateStatus.ORIGINAL ? "ORIGINAL"
                : d.getStatus() + " of " + d.getDuplicateOf() + (d.getCorrection() ? " (corrected)" : "");
        out.printf("  %s  %s  %-16s %s%n", a.getPublishedAt() == null ? "(no time)       " : TIME.format(a.getPublishedAt()),
                a.getArticleId(), a.getSource(), truncate(a.getTitle(), 70));
        out.printf("      %s  story %s%n", status, d == null ? "-" : d.getStoryId());
        EnrichedArticle e = r.enriched().get(a.getArticleId());
        if (e != null) {
            out.printf("      regions: %s%n", e.getRegions().isEmpty() ? "-" : e.getRegions().stream()
                    .map(DemoCommand::region).collect(Collectors.joining(", ")));
            out.printf("      actors:  %s%n", e.getActors().isEmpty() ? "-" : e.getActors().stream().limit(5)
                    .map(DemoCommand::actor).collect(Collectors.joining(", ")));
        }
    }

    private static String region(RegionTag t) {
        return (t.getFocus() ? "*" : "") + t.getCode() + " " + t.getName() + " x" + t.getMentionCount();
    }

    private static String actor(ActorTag t) {
        return t.getName() + (t.getRole() == null ? "" : " (" + t.getRole() + ")") + " x" + t.getMentionCount();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
