package io.wirestream.ingest.connect;

/**
 * A source could not be read: unreachable, answered with an error, or sent something that is not what the
 * connector reads (a malformed feed). The message names the source; nothing from it was emitted.
 */
public final class ConnectorException extends RuntimeException {

    public ConnectorException(String message) {
        super(message);
    }

    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
