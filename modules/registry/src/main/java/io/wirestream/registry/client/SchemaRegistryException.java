package io.wirestream.registry.client;

/**
 * An error answered by a schema registry, in Confluent's terms: the HTTP status and the registry's
 * own {@code error_code} (e.g. 404 / 40401 for an unknown subject). Unchecked, so that serdes can
 * wrap it in Kafka's {@code SerializationException} without ceremony.
 *
 * <p>{@link #of} maps an error code to the most specific subclass; the embedded server maps the
 * subclasses back to the same status and code, so both ends agree on one table.
 */
public class SchemaRegistryException extends RuntimeException {

    /** Confluent error codes this module knows by name. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    public static final int STORE_ERROR = 50001;
    public static final int OPERATION_TIMEOUT = 50002;
    public static final int REQUEST_FORWARDING_FAILED = 50003;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(int httpStatus, int errorCode, String message) {
        this(httpStatus, errorCode, message, null);
    }

    public SchemaRegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** HTTP status of the answer, or -1 when no answer came. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The registry's {@code error_code}; the HTTP status when the body carried none; -1 without an answer. */
    public int errorCode() {
        return errorCode;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " (HTTP " + httpStatus + ", error code " + errorCode + "): " + getMessage();
    }

    /** The most specific exception for a registry error answer. */
    public static SchemaRegistryException of(int httpStatus, int errorCode, String message) {
        return switch (errorCode) {
            case SUBJECT_NOT_FOUND -> new SubjectNotFoundException(message);
            case VERSION_NOT_FOUND -> new VersionNotFoundException(message);
            case SCHEMA_NOT_FOUND -> new SchemaNotFoundException(message);
            case INCOMPATIBLE_SCHEMA -> new IncompatibleSchemaException(message);
            case INVALID_SCHEMA -> new InvalidSchemaException(message);
            case INVALID_VERSION -> new InvalidVersionException(message);
            case INVALID_COMPATIBILITY_LEVEL -> new InvalidCompatibilityLevelException(message);
            case STORE_ERROR -> new SchemaRegistryStoreException(httpStatus, message);
            case OPERATION_TIMEOUT -> new SchemaRegistryTimeoutException(httpStatus, message);
            case REQUEST_FORWARDING_FAILED -> new SchemaRegistryForwardingException(httpStatus, message);
            default -> httpStatus >= 500
                    ? new SchemaRegistryServerException(httpStatus, errorCode, message)
                    : new SchemaRegistryException(httpStatus, errorCode, message);
        };
    }
}
