package io.wirestream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void fingerprintingOneArticleTakesAPlausibleCpuTime() {
        double micros = new Calibration().microsPerArticle();
        // 400-word articles: shingling + MinHash + band keys cost tens of microseconds on any machine of the last decade.
        assertThat(micros).isPositive().isFinite().isBetween(1.0, 10_000.0);
    }

    @Test
    void speedsWithinAFifthOfEachOtherAreReportedWithoutAWarning() {
        assertThat(PipelineBench.speedLine(new double[] {40.0, 44.0, 47.9}))
                .isEqualTo("machine speed: fingerprinting one generated article took 40.0 / 44.0 / 47.9 µs of one thread's CPU"
                        + " before the measured run, between it and the ceiling, after the ceiling (best of 7 rounds)");
    }

    @Test
    void speedsMoreThanAFifthApartCarryAWarningWithTheDifference() {
        assertThat(PipelineBench.speedLine(new double[] {40.0, 60.0, 42.0}))
                .endsWith("(best of 7 rounds); WARNING: 50 % apart, so the machine ran at different speeds during this run"
                        + " and the ratio to the ceiling is not reliable");
    }
}
