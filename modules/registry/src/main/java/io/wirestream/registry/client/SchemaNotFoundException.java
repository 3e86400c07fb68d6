package io.wirestream.registry.client;

/** No schema with this id, or this schema is not registered under the subject: 404 / 40403. */
public class SchemaNotFoundException extends SchemaRegistryException {

    public SchemaNotFoundException(String message) {
        super(404, SchemaRegistryException.SCHEMA_NOT_FOUND, message);
    }
}
