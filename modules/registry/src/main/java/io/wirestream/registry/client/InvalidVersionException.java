package io.wirestream.registry.client;

/** The version is neither a positive number nor {@code latest}: 422 / 42202. */
public class InvalidVersionException extends SchemaRegistryException {

    public InvalidVersionException(String message) {
        super(422, SchemaRegistryException.INVALID_VERSION, message);
    }
}
