package gongkai.cli;

import gongkai.config.UnreachableException;
import gongkai.serde.SchemaRegistryException;
import org.apache.kafka.common.errors.AuthenticationException;

/**
 * The launcher's exit codes, the same for every command: 0 ok, 1 findings or rejections (or another
 * failure), 2 usage error, 3 the cluster or the registry could not be reached or refused the credentials.
 */
final class ExitCodes {
    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = UnreachableException.EXIT_CODE;

    private ExitCodes() {
    }

    /** The exit code for a command that ended with this exception. */
    static int of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnreachableException || t instanceof AuthenticationException
                    || t instanceof org.apache.kafka.common.errors.TimeoutException
                    || (t instanceof SchemaRegistryException r && (r.isUnreachable() || r.httpStatus() == 401 || r.httpStatus() == 403))) {
                return UNREACHABLE;
            }
        }
        return FINDINGS;
    }
}
