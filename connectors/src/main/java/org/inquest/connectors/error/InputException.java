package org.inquest.connectors.error;

/** Exit 3: an input file is unreadable, truncated or unusable. The message names the file (and row when known). */
public class InputException extends InquestException {
    public static final int EXIT_CODE = 3;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
