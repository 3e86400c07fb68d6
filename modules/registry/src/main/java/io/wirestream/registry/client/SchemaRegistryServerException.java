package io.wirestream.registry.client;

/**
 * The registry failed on its side (HTTP 5xx); worth retrying. Subclasses name Confluent's codes:
 * {@link SchemaRegistryStoreException} 50001, {@link SchemaRegistryTimeoutException} 50002,
 * {@link SchemaRegistryForwardingException} 50003.
 */
public class SchemaRegistryServerException extends SchemaRegistryException {

    public SchemaRegistryServerException(int httpStatus, int errorCode, String message) {
        super(httpStatus, errorCode, message);
    }
}
