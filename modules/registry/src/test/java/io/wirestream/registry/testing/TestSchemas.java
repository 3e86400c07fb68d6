package io.wirestream.registry.testing;

import java.net.ServerSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;

/** Small schemas for registry tests: a headline record and its evolutions. */
public final class TestSchemas {

    private TestSchemas() {
    }

    public static final Schema HEADLINE_V1 = parse("""
            {"type": "record", "name": "Headline", "namespace": "io.wirestream.test", "fields": [
              {"name": "id", "type": "string"},
              {"name": "title", "type": "string"}]}""");

    /** V1 plus an optional field with a default: backward and forward compatible. */
    public static final Schema HEADLINE_V2_OPTIONAL_LANGUAGE = parse("""
            {"type": "record", "name": "Headline", "namespace": "io.wirestream.test", "fields": [
              {"name": "id", "type": "string"},
              {"name": "title", "type": "string"},
              {"name": "language", "type": ["null", "string"], "default": null}]}""");

    /** V1 plus a required field without default: cannot read V1 data, so not backward compatible. */
    public static final Schema HEADLINE_V2_REQUIRED_SCORE = parse("""
            {"type": "record", "name": "Headline", "namespace": "io.wirestream.test", "fields": [
              {"name": "id", "type": "string"},
              {"name": "title", "type": "string"},
              {"name": "score", "type": "int"}]}""");

    public static final Schema OTHER_RECORD = parse("""
            {"type": "record", "name": "Byline", "namespace": "io.wirestream.test", "fields": [
              {"name": "author", "type": "string"}]}""");

    /** Valid JSON, but the default does not match the field's type: registries answer 42201. */
    public static final Schema BAD_DEFAULT = new Schema.Parser().setValidateDefaults(false).parse("""
            {"type": "record", "name": "Broken", "namespace": "io.wirestream.test", "fields": [
              {"name": "count", "type": "int", "default": "many"}]}""");

    public static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }

    /** A local port nothing listens on (bound, then released). */
    public static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
