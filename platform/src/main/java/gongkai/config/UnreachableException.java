package gongkai.config;

/**
 * The cluster or the schema registry could not be reached or refused this client, said in one line
 * that names the address. The launcher exits with {@value #EXIT_CODE} on it.
 */
public final class UnreachableException extends RuntimeException {
    public static final int EXIT_CODE = 3;

    public UnreachableException(String message, Throwable cause) {
        super(Secrets.redact(message), cause);
    }
}
