package org.inquest.connectors.error;

/**
 * A failure the user can act on. Each subclass carries the exit code of the contract, so the command line maps
 * every failure to one line on stderr and the right code without knowing where it came from.
 */
public abstract class InquestException extends RuntimeException {
    protected InquestException(String message) {
        super(message);
    }

    protected InquestException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The process exit code the contract assigns to this kind of failure. */
    public abstract int exitCode();
}
