package org.rtc4j;

/**
 * A failed WebRTC operation, named as the W3C spec names the DOMException a browser would reject
 * the same promise with ({@code InvalidStateError}, {@code InvalidAccessError}, ...), so code
 * ported from JavaScript can branch on {@link #name()}.
 *
 * <p>Unchecked: it arrives through a failed {@link java.util.concurrent.CompletableFuture} or
 * is thrown by a synchronous call made in the wrong state.
 */
public class RTCException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The DOMException names the WebRTC spec uses. */
    public enum Name {
        /** The call is not allowed in the object's current state (e.g. glare, closed). */
        InvalidStateError,
        /** The argument is well-formed but cannot be applied (e.g. no fingerprint in the SDP). */
        InvalidAccessError,
        /** The argument does not parse (e.g. garbage SDP). */
        SyntaxError,
        /** The operation failed for a reason that is not the caller's (e.g. a transport error). */
        OperationError,
        /** The description was changed between create and set, where that is not allowed. */
        InvalidModificationError,
        /** A data channel id or message size is outside what the transport allows. */
        TypeError,
        /** A resource is exhausted (e.g. no free data channel stream id). */
        OperationNotSupportedError
    }

    /** The W3C error name this failure carries. */
    private final Name name;

    /**
     * A failure with a W3C error name.
     *
     * @param name    the DOMException name a browser would use
     * @param message what went wrong
     */
    public RTCException(Name name, String message) {
        super(message);
        this.name = name;
    }

    /**
     * A failure with a W3C error name and the exception that caused it.
     *
     * @param name    the DOMException name a browser would use
     * @param message what went wrong
     * @param cause   the underlying exception, or null
     */
    public RTCException(Name name, String message, Throwable cause) {
        super(message, cause);
        this.name = name;
    }

    /**
     * The W3C error name.
     *
     * @return the name, e.g. {@link Name#InvalidStateError}; what JavaScript reads as
     *         {@code error.name}
     */
    public Name name() {
        return name;
    }

    static RTCException invalidState(String message) {
        return new RTCException(Name.InvalidStateError, message);
    }

    static RTCException invalidAccess(String message) {
        return new RTCException(Name.InvalidAccessError, message);
    }

    static RTCException syntax(String message, Throwable cause) {
        return new RTCException(Name.SyntaxError, message, cause);
    }

    static RTCException operation(String message, Throwable cause) {
        return new RTCException(Name.OperationError, message, cause);
    }

    @Override
    public String toString() {
        return name + ": " + getMessage();
    }
}
