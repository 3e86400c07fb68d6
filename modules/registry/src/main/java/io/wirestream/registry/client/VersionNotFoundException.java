package io.wirestream.registry.client;

/** The subject has no such version: 404 / 40402. */
public class VersionNotFoundException extends SchemaRegistryException {

    public VersionNotFoundException(String message) {
        super(404, SchemaRegistryException.VERSION_NOT_FOUND, message);
    }
}
