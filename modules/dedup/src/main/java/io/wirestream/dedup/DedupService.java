package io.wirestream.dedup;

import io.wirestream.dedup.core.DedupConfig;
import io.wirestream.model.DedupedArticle;
import io.wirestream.model.DuplicateDecision;
import io.wirestream.model.topic.TopicProvisioner;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import io.wirestream.dedup.stream.DedupTopology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.Topology;

/**
 * The dedup service: {@code news.articles.raw} → one {@link DuplicateDecision} per article (and
 * corrections), {@link DedupedArticle}s for originals, and story state. The topology is in
 * {@link DedupTopology}; this class adds what needs a cluster: the signals loop topic.
 */
public final class DedupService {

    public static final String NAME = "dedup";

    private DedupService() {
    }

    /** The loop topic of an application: same partition count as the raw topic, created by {@link #start}. */
    public static String signalsTopic(String applicationId) {
        return applicationId + "-dedup-signals";
    }

    /** The whole topology, pure. */
    public static Topology topology(DedupConfig config, Topics topics, String signalsTopic) {
        return DedupTopology.build(config, topics, signalsTopic);
    }

    /** Starts the service: creates the signals topic if needed, then runs the topology. */
    public static StreamsService start(ServiceSettings settings) {
        DedupConfig config = DedupConfig.parse(settings.serviceOverrides());
        String signals = signalsTopic(settings.applicationId());
        Topics topics = StreamsService.topics(settings);
        ensureSignalsTopic(settings, topics.articlesRaw().name(), signals);
        return StreamsService.start(settings, (s, t) -> topology(config, t, signals));
    }

    /** Creates the signals topic with as many partitions as the raw topic (they must be co-partitioned). */
    static void ensureSignalsTopic(ServiceSettings settings, String rawTopic, String signals) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(rawTopic)).allTopicNames().get().get(rawTopic).partitions().size();
            var existing = admin.listTopics().names().get();
            if (existing.contains(signals)) {
                int have = admin.describeTopics(List.of(signals)).allTopicNames().get().get(signals).partitions().size();
                if (have != partitions) {
                    throw new IllegalStateException("topic " + signals + " has " + have + " partitions but " + rawTopic
                            + " has " + partitions + ": they must match (delete it, or reset the application)");
                }
            } else {
                try {
                    admin.createTopics(List.of(new NewTopic(signals, partitions, settings.topics().replicationFactor())
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(7).toMillis())))))
                            .all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;      // another instance creating it at the same moment is fine
                    }
                }
            }
            TopicProvisioner.awaitReady(admin, List.of(rawTopic, signals), TopicProvisioner.READY_TIMEOUT);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot prepare " + signals + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing " + signals, e);
        }
    }
}
