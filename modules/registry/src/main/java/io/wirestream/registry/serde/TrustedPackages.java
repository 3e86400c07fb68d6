package io.wirestream.registry.serde;

import org.apache.avro.util.ClassSecurityValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets Avro 1.12 instantiate the generated classes of {@code io.wirestream.model}: Avro only decodes
 * into classes of packages listed in the system property {@value #PROPERTY}, read once when its
 * validator class loads. Tests get it from surefire; the CLI and services get it here.
 */
final class TrustedPackages {

    static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
    static final String MODEL_PACKAGE = "io.wirestream.model";
    private static final Logger log = LoggerFactory.getLogger(TrustedPackages.class);

    private TrustedPackages() {
    }

    /** Appends the model package to the property and, if Avro already read it, to Avro's global validator. */
    static synchronized void ensureModelTrusted() {
        String current = System.getProperty(PROPERTY);
        if (current == null || current.isBlank()) {
            System.setProperty(PROPERTY, MODEL_PACKAGE);
        } else if (!covers(current)) {
            System.setProperty(PROPERTY, current + "," + MODEL_PACKAGE);
        }
        var global = ClassSecurityValidator.getGlobal();
        if (!global.isTrusted(io.wirestream.model.RawArticle.class)) {
            // Avro read the property before we set it: extend its validator instead.
            log.info("Avro's class validator was initialised without {}; trusting it explicitly", MODEL_PACKAGE);
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(global,
                    c -> c.getName().startsWith(MODEL_PACKAGE + ".")));
        }
    }

    private static boolean covers(String packages) {
        for (String p : packages.split(",")) {
            String t = p.trim();
            if (t.equals("*") || t.equals(MODEL_PACKAGE) || MODEL_PACKAGE.startsWith(t + ".")) {
                return true;
            }
        }
        return false;
    }
}
