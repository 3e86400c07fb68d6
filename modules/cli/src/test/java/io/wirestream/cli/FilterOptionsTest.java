package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.client.HeaderFilter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class FilterOptionsTest {

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        FilterOptions filter;

        @Override
        public void run() {
        }
    }

    private static HeaderFilter parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.filter.filter();
    }

    @Test
    void noOptionsFilterNothing() {
        assertThat(parse().isEmpty()).isTrue();
    }

    @Test
    void valuesAreCommaSeparatedAndRepeatable() {
        HeaderFilter f = parse("--region", "AM,AZ", "--region", "ge", "--actor", "putin", "--kind", "PERSON",
                "--lang", "en,fr", "--source", "Wire Service");

        assertThat(f.regions()).containsExactly("am", "az", "ge");
        assertThat(f.actors()).containsExactly("putin");
        assertThat(f.kinds()).containsExactly("person");
        assertThat(f.languages()).containsExactlyInAnyOrder("en", "fr");
        assertThat(f.sources()).containsExactly("wire service");
    }
}
