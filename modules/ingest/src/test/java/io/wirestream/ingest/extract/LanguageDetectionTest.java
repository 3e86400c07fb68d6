package io.wirestream.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectionTest {

    @Test
    void englishIsEn() {
        assertThat(LanguageDetection.detect("The central bank held interest rates steady on Thursday, citing slowing "
                + "inflation and a weaker labour market across the region.")).isEqualTo("en");
    }

    @Test
    void frenchIsFr() {
        assertThat(LanguageDetection.detect("La banque centrale a maintenu ses taux directeurs inchangés jeudi, en raison "
                + "du ralentissement de l'inflation et d'un marché du travail plus faible.")).isEqualTo("fr");
    }

    @Test
    void germanIsDe() {
        assertThat(LanguageDetection.detect("Die Zentralbank hat die Leitzinsen am Donnerstag unverändert gelassen und "
                + "verwies auf die nachlassende Inflation und einen schwächeren Arbeitsmarkt.")).isEqualTo("de");
    }

    @Test
    void spanishIsEs() {
        assertThat(LanguageDetection.detect("El banco central mantuvo estables los tipos de interés el jueves, citando la "
                + "desaceleración de la inflación y un mercado laboral más débil.")).isEqualTo("es");
    }

    @Test
    void textTooShortToTellIsUnknown() {
        assertThat(LanguageDetection.detect("Hello world")).isNull();
        assertThat(LanguageDetection.detect("")).isNull();
        assertThat(LanguageDetection.detect(null)).isNull();
    }

    @Test
    void modelCodesMapToIso6391() {
        assertThat(LanguageDetection.toIso1("eng")).isEqualTo("en");
        assertThat(LanguageDetection.toIso1("fra")).isEqualTo("fr");
        assertThat(LanguageDetection.toIso1("deu")).isEqualTo("de");
        assertThat(LanguageDetection.toIso1("rus")).isEqualTo("ru");
        assertThat(LanguageDetection.toIso1("ara")).isEqualTo("ar");
        assertThat(LanguageDetection.toIso1("cmn")).isEqualTo("zh");
        assertThat(LanguageDetection.toIso1("pes")).isEqualTo("fa");
        assertThat(LanguageDetection.toIso1("ceb")).isNull();
    }
}
