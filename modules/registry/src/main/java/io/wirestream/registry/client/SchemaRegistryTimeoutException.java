package io.wirestream.registry.client;

/** An operation timed out inside the registry: 50002. */
public class SchemaRegistryTimeoutException extends SchemaRegistryServerException {

    public SchemaRegistryTimeoutException(int httpStatus, String message) {
        super(httpStatus, OPERATION_TIMEOUT, message);
    }
}
