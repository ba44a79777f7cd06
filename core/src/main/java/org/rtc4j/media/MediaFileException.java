package org.rtc4j.media;

/** A media file rtc4j cannot read or write: unknown container, unsupported codec, a truncated header. */
public class MediaFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An error about a file.
     *
     * @param message what is wrong, naming the file
     */
    public MediaFileException(String message) {
        super(message);
    }

    /**
     * An error about a file with its cause.
     *
     * @param message what is wrong, naming the file
     * @param cause   the I/O or parse error behind it
     */
    public MediaFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
