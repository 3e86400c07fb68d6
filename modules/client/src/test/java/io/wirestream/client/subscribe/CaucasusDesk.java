package io.wirestream.client.subscribe;

import io.wirestream.client.HeaderFilter;
import io.wirestream.model.EnrichedArticle;
import io.wirestream.model.topic.FilterHeaders;
import java.io.PrintStream;
import java.util.List;

/**
 * The README's Java example ("Java client: Subscriber"), kept here so that it compiles with the tests;
 * {@code SubscriberTest#readmeExampleFollowsEnglishArticlesAboutArmeniaOrAzerbaijan} runs it. Keep both in step.
 */
public final class CaucasusDesk {

    private CaucasusDesk() {
    }

    // README example begins
    /** English articles about Armenia or Azerbaijan, one line each, resuming where the group left off. */
    static Subscriber<EnrichedArticle> caucasusDesk(String bootstrapServers, String schemaRegistryUrl, PrintStream out) {
        return Subscriber.enriched()                                  // news.events.enriched, EnrichedArticle values
                .bootstrapServers(bootstrapServers)
                .schemaRegistryUrl(schemaRegistryUrl)
                .filter(HeaderFilter.none()
                        .withRegions(List.of("AM", "AZ"))             // any of these regions...
                        .withLanguages(List.of("en")))                // ...and English; decided on headers only
                .groupId("caucasus-desk")                             // commits after handling; a restart resumes
                .startAt(StartPosition.earliest())                    // used only while the group has no offsets
                .handler(r -> out.printf("%s %s %s (actors: %s)%n", r.timestamp(), r.value().getFocusRegion(),
                        r.value().getTitle(), r.header(FilterHeaders.ACTORS)))
                .onUndecodable(bad -> out.println("skipped " + bad.describe()))   // default: a logged warning
                .build();
    }

    public static void main(String[] args) {
        Subscriber<EnrichedArticle> desk = caucasusDesk("127.0.0.1:9092", "http://127.0.0.1:8081", System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(desk::close));  // Ctrl-C: stop, commit, close
        SubscriberStats stats = desk.run();                              // blocks until close()
        System.err.println("shown " + stats.matched() + ", skipped " + stats.skipped());
    }
    // README example ends
}
