package io.wirestream.registry.client;

/** The subject has no (live) versions: 404 / 40401. */
public class SubjectNotFoundException extends SchemaRegistryException {

    public SubjectNotFoundException(String message) {
        super(404, SchemaRegistryException.SUBJECT_NOT_FOUND, message);
    }
}
