package io.wirestream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ingest.IngestConfig;
import io.wirestream.ingest.IngestService;
import io.wirestream.model.topic.Topics;
import io.wirestream.runtime.ServiceSettings;
import io.wirestream.runtime.StreamsService;
import io.wirestream.tagger.TaggerService;
import java.util.Properties;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

class PassThroughTest {

    private final Topics topics = StreamsService.topics(ServiceSettings.parse("bench", settings(), java.util.Map.of()));

    /** Enough to name the topics; nothing connects. */
    private static Properties settings() {
        Properties p = new Properties();
        p.setProperty(ServiceSettings.BOOTSTRAP_SERVERS, "localhost:9092");
        p.setProperty(ServiceSettings.SCHEMA_REGISTRY_URL, "http://localhost:8081");
        return p;
    }

    /** Every sub-topology of ingest and the tagger writes the next topic on the path; dedup's path is its loop. */
    @Test
    void theCeilingHasAsManyHopsAsAnOriginalCrossesInThePipeline() {
        int ingest = subtopologies(IngestService.topology(IngestConfig.defaults(), topics));
        int dedup = 3;      // article side → [dedup-by-bucket] → bucket side → [dedup-signals] → article side → news.articles.deduped
        int tagger = subtopologies(TaggerService.topology(topics));
        assertThat(ingest + dedup + tagger).isEqualTo(PassThrough.PIPELINE_HOPS);
    }

    @Test
    void eachHopIsASubTopologyOfItsOwnFromTheDocumentsOn() {
        Topology topology = PassThrough.topology(topics, PassThrough.hops(topics, "p.", PassThrough.PIPELINE_HOPS));
        assertThat(subtopologies(topology)).isEqualTo(PassThrough.PIPELINE_HOPS);
        assertThat(topology.describe().toString()).contains(topics.documents().name(), "p.bench.passthrough-7.7");
    }

    private static int subtopologies(Topology topology) {
        return topology.describe().subtopologies().size();
    }
}
