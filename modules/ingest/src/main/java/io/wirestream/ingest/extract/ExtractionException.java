package io.wirestream.ingest.extract;

/** A document that cannot become an article (empty, binary, malformed, unsupported type). Goes to the DLQ. */
public class ExtractionException extends RuntimeException {

    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
