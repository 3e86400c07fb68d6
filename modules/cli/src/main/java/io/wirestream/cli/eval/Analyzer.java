package io.wirestream.cli.eval;

import io.wirestream.tagger.Analysis;
import java.time.Instant;

/** The tagging step an evaluation scores: {@code Tagger.shared()::analyze} in the CLI, a fixed answer in tests. */
@FunctionalInterface
public interface Analyzer {

    Analysis analyze(String title, String body, Instant published);
}
