package io.wirestream.registry.client;

/** The schema breaks the subject's compatibility level: 409 / 409. */
public class IncompatibleSchemaException extends SchemaRegistryException {

    public IncompatibleSchemaException(String message) {
        super(409, SchemaRegistryException.INCOMPATIBLE_SCHEMA, message);
    }
}
