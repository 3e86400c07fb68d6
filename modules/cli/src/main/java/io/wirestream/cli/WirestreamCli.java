package io.wirestream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wirestream} command: every service, the dev stack, and the tools around them. */
@Command(name = "wirestream",
        mixinStandardHelpOptions = true,
        versionProvider = WirestreamCli.Version.class,
        description = "Streaming news pipeline on Apache Kafka: ingest, deduplicate, tag, publish.",
        subcommands = {
                DemoCommand.class,
                UpCommand.class,
                TopicsCommand.class,
                IngestCommand.class,
                TailCommand.class,
                ExtractCommand.class,
                AnalyzeCommand.class,
                ServiceCommands.IngestService.class,
                ServiceCommands.Dedup.class,
                ServiceCommands.Tagger.class,
                AlertsCommand.class,
                BenchCommand.class,
                ClusterCommand.class,
                EvalCommand.class,
                ReplayCommand.class,
                ResetCommand.class,
                CommandLine.HelpCommand.class
        })
public final class WirestreamCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests and {@link #main}. */
    public static CommandLine commandLine() {
        return new CommandLine(new WirestreamCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = WirestreamCli.class.getPackage().getImplementationVersion();
            return new String[] {"wirestream " + (v == null ? "dev" : v)};
        }
    }
}
