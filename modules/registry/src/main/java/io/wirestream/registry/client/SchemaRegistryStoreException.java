package io.wirestream.registry.client;

/** The registry could not read or write its backend store: 50001. */
public class SchemaRegistryStoreException extends SchemaRegistryServerException {

    public SchemaRegistryStoreException(int httpStatus, String message) {
        super(httpStatus, STORE_ERROR, message);
    }
}
