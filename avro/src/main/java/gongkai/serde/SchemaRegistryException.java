package gongkai.serde;

/** A schema registry answered with an error, or could not be reached. The message names the registry URL and what was asked. */
public class SchemaRegistryException extends RuntimeException {
    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** HTTP status, or 0 if the registry could not be reached. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Confluent error code (e.g. 40403 schema not found, 409 incompatible), or 0. */
    public int errorCode() {
        return errorCode;
    }

    public boolean isNotFound() {
        return httpStatus == 404;
    }

    public boolean isUnreachable() {
        return httpStatus == 0;
    }
}
