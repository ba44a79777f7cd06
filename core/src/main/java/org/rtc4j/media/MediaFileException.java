package org.rtc4j.media;

/** A media file rtc4j cannot read or write: unknown container, unsupported codec, a truncated header. */
public class MediaFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error about a file. */
    public MediaFileException(String message) {
        super(message);
    }

    /** An error about a file with its cause. */
    public MediaFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
