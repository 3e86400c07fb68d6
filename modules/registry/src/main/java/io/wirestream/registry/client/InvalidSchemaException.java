package io.wirestream.registry.client;

/** The schema does not parse as Avro, or its type is not supported: 422 / 42201. */
public class InvalidSchemaException extends SchemaRegistryException {

    public InvalidSchemaException(String message) {
        super(422, SchemaRegistryException.INVALID_SCHEMA, message);
    }
}
