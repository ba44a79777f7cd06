package org.rtc4j.examples.peer;

/**
 * Ends a command with an exit code and one readable line: 1 the job failed, 2 bad usage or
 * refused by the server.
 */
public final class CliFailure extends RuntimeException {
    private final int exitCode;

    /** @param exitCode 1 for a failed job, 2 for bad usage or a refusal */
    public CliFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** The process exit code. */
    public int exitCode() {
        return exitCode;
    }
}
