package io.wirestream.registry.client;

/** No registry URL answered (connection refused, timeout) after all retries. */
public class SchemaRegistryUnavailableException extends SchemaRegistryException {

    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(-1, -1, message, cause);
    }
}
