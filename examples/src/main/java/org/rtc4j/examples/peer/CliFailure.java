package org.rtc4j.examples.peer;

/**
 * Ends a command with an exit code and one readable line: 1 the job failed, 2 bad usage or
 * refused by the server.
 */
public final class CliFailure extends RuntimeException {
    /** The process exit code: 1 or 2. */
    private final int exitCode;

    /**
     * Creates the failure; it records no stack trace.
     *
     * @param exitCode 1 for a failed job, 2 for bad usage or a refusal
     * @param message  the one line shown to the user (after {@code rtc4j: }, or as the JSON
     *                 {@code error} event's message)
     */
    public CliFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /**
     * The process exit code.
     *
     * @return 1 for a failed job, 2 for bad usage or a refusal
     */
    public int exitCode() {
        return exitCode;
    }
}
