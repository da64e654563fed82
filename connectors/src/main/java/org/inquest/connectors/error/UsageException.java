package org.inquest.connectors.error;

/** Exit 2: the user asked for something that does not exist or cannot be said (unknown table, column, bad filter). */
public class UsageException extends InquestException {
    public static final int EXIT_CODE = 2;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
