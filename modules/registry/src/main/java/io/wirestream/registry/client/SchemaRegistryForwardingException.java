package io.wirestream.registry.client;

/** A follower could not forward the request to the leader: 50003. */
public class SchemaRegistryForwardingException extends SchemaRegistryServerException {

    public SchemaRegistryForwardingException(int httpStatus, String message) {
        super(httpStatus, REQUEST_FORWARDING_FAILED, message);
    }
}
