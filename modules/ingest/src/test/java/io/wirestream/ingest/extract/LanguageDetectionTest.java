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

    private static final String ENGLISH_NEWS = "The central bank held its benchmark rate at 4.5% on Thursday, saying that "
            + "inflation had eased but that the labour market was weaker than it had expected. The governor told reporters "
            + "after the meeting that the board would watch wage data closely, and two members who had argued for a cut "
            + "said they were ready to wait. Markets in the region rose after the decision, which had been widely expected.";

    @Test
    void englishNewsProseTakesTheFastPathAndTheModelAgrees() {
        assertThat(LanguageDetection.clearlyEnglish(ENGLISH_NEWS)).isTrue();
        assertThat(LanguageDetection.byModel(ENGLISH_NEWS)).isEqualTo("en");
        assertThat(LanguageDetection.detect(ENGLISH_NEWS)).isEqualTo("en");
    }

    @Test
    void otherLatinScriptLanguagesNeverTakeTheEnglishFastPath() {
        String[] prose = {
            // French, German, Spanish, Italian, Dutch, Portuguese, Swedish, Danish, Polish, Indonesian, Turkish
            "La banque centrale a maintenu son taux directeur à 4,5 % jeudi, estimant que l'inflation avait ralenti mais que "
                    + "le marché du travail était plus faible que prévu. Le gouverneur a déclaré après la réunion que le conseil "
                    + "suivrait de près les salaires, et deux membres qui plaidaient pour une baisse ont dit qu'ils pouvaient attendre.",
            "Die Zentralbank hat ihren Leitzins am Donnerstag bei 4,5 Prozent belassen und erklärt, die Inflation sei zwar "
                    + "gesunken, der Arbeitsmarkt aber schwächer als erwartet. Der Gouverneur sagte nach der Sitzung, der Rat "
                    + "werde die Lohndaten genau beobachten, und zwei Mitglieder, die eine Senkung wollten, sagten, sie könnten warten.",
            "El banco central mantuvo su tipo de referencia en el 4,5 % el jueves y dijo que la inflación se había moderado, "
                    + "pero que el mercado laboral estaba más débil de lo esperado. El gobernador dijo tras la reunión que la junta "
                    + "vigilaría de cerca los salarios y dos miembros que pedían un recorte dijeron que podían esperar.",
            "La banca centrale ha mantenuto il tasso di riferimento al 4,5 per cento giovedì, affermando che l'inflazione è "
                    + "scesa ma che il mercato del lavoro è più debole del previsto. Il governatore ha detto dopo la riunione che "
                    + "il consiglio seguirà da vicino i salari e due membri che chiedevano un taglio hanno detto di poter aspettare.",
            "De centrale bank heeft haar rente donderdag op 4,5 procent gehouden en zei dat de inflatie was gedaald, maar dat de "
                    + "arbeidsmarkt zwakker was dan verwacht. De gouverneur zei na de vergadering dat het bestuur de loongegevens "
                    + "nauwlettend zal volgen, en twee leden die een verlaging wilden zeiden dat ze konden wachten of het zou helpen.",
            "O banco central manteve a sua taxa de referência em 4,5 % na quinta-feira e disse que a inflação tinha abrandado, "
                    + "mas que o mercado de trabalho estava mais fraco do que o esperado. O governador disse depois da reunião que "
                    + "o conselho vai acompanhar de perto os salários e dois membros que pediam um corte disseram que podiam esperar.",
            "Centralbanken lämnade styrräntan oförändrad på 4,5 procent på torsdagen och sade att inflationen hade dämpats men "
                    + "att arbetsmarknaden var svagare än väntat. Riksbankschefen sade efter mötet att direktionen kommer att följa "
                    + "lönerna noga, och två ledamöter som ville sänka räntan sade att de kunde vänta.",
            "Nationalbanken fastholdt torsdag sin rente på 4,5 procent og sagde, at inflationen var aftaget, men at "
                    + "arbejdsmarkedet var svagere end ventet. Direktøren sagde efter mødet, at bestyrelsen vil følge lønningerne "
                    + "nøje, og to medlemmer, der ønskede en nedsættelse, sagde, at de kunne vente for nu.",
            "Bank centralny utrzymał w czwartek stopę referencyjną na poziomie 4,5 proc., uznając, że inflacja spadła, ale rynek "
                    + "pracy jest słabszy niż oczekiwano. Prezes powiedział po posiedzeniu, że rada będzie uważnie śledzić dane o "
                    + "płacach, a dwaj członkowie, którzy chcieli obniżki, powiedzieli, że mogą poczekać.",
            "Bank sentral mempertahankan suku bunga acuan di 4,5 persen pada hari Kamis dan mengatakan bahwa inflasi telah "
                    + "melambat tetapi pasar tenaga kerja lebih lemah dari perkiraan. Gubernur mengatakan setelah rapat bahwa dewan "
                    + "akan memantau data upah dengan cermat dan dua anggota yang menginginkan penurunan mengatakan mereka bisa menunggu.",
            "Merkez bankası perşembe günü politika faizini yüzde 4,5'te sabit tuttu ve enflasyonun yavaşladığını, ancak iş "
                    + "gücü piyasasının beklenenden zayıf olduğunu söyledi. Başkan toplantının ardından kurulun ücret verilerini "
                    + "yakından izleyeceğini, indirim isteyen iki üyenin ise beklemeye hazır olduğunu açıkladı.",
        };
        for (String text : prose) {
            assertThat(LanguageDetection.clearlyEnglish(text)).as(text).isFalse();
            assertThat(LanguageDetection.detect(text)).as(text).isNotEqualTo("en");
        }
    }

    @Test
    void foreignArticleQuotingOneEnglishSentenceIsNotTakenForEnglish() {
        String text = "Le ministre a répondu en anglais aux journalistes étrangers : « We have done all that the law asks "
                + "of us and this is the end of it. » Puis il a quitté la salle sans répondre aux autres questions sur le "
                + "budget de la défense, que le Parlement doit examiner la semaine prochaine à Paris.";
        assertThat(LanguageDetection.clearlyEnglish(text)).isFalse();
    }

    @Test
    void englishWithoutEnoughFunctionWordsIsLeftToTheModel() {
        String listing = "Results: Arsenal 2 Chelsea 1; Liverpool 3 Everton 0; Leeds 1 Fulham 1; Brighton 0 Spurs 2; "
                + "Wolves 1 Burnley 0; Newcastle 4 Luton 1; Villa 2 Bournemouth 2; Brentford 1 Forest 0; United 0 City 3.";
        assertThat(LanguageDetection.clearlyEnglish(listing)).isFalse();
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
