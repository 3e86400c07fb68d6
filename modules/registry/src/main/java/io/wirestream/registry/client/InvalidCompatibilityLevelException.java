package io.wirestream.registry.client;

/** The compatibility level is not one the registry knows: 422 / 42203. */
public class InvalidCompatibilityLevelException extends SchemaRegistryException {

    public InvalidCompatibilityLevelException(String message) {
        super(422, SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL, message);
    }
}
