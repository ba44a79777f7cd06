package org.rtc4j.signaling.engineio;

import io.netty.handler.codec.http.HttpResponseStatus;

/** The error answers of the Engine.IO protocol: HTTP status plus a JSON {code, message} body. */
public enum EngineError {
    /** Code 0: the {@code transport} query parameter is missing or not an enabled transport. */
    UNKNOWN_TRANSPORT(0, "Transport unknown", HttpResponseStatus.BAD_REQUEST),
    /** Code 1: the {@code sid} query parameter names no open session. */
    UNKNOWN_SID(1, "Session ID unknown", HttpResponseStatus.BAD_REQUEST),
    /** Code 2: a handshake (a request without {@code sid}) that is not a GET. */
    BAD_HANDSHAKE_METHOD(2, "Bad handshake method", HttpResponseStatus.BAD_REQUEST),
    /**
     * Code 3: any other malformed request, e.g. a transport that does not match the Upgrade
     * header, an overlapping poll, an unparsable POST body or a second upgrade.
     */
    BAD_REQUEST(3, "Bad request", HttpResponseStatus.BAD_REQUEST),
    /** Code 4: the handshake was refused by {@link EngineOptions#allowRequest()} (HTTP 403). */
    FORBIDDEN(4, "Forbidden", HttpResponseStatus.FORBIDDEN),
    /** Code 5: the {@code EIO} query parameter of a handshake is not {@code 4}. */
    UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version", HttpResponseStatus.BAD_REQUEST);

    private final int code;
    private final String message;
    private final HttpResponseStatus status;

    EngineError(int code, String message, HttpResponseStatus status) {
        this.code = code;
        this.message = message;
        this.status = status;
    }

    /**
     * The protocol error code sent in the JSON body.
     *
     * @return the Engine.IO error code, 0 to 5
     */
    public int code() {
        return code;
    }

    /**
     * The human-readable message sent in the JSON body.
     *
     * @return the message, e.g. {@code "Session ID unknown"}
     */
    public String message() {
        return message;
    }

    /**
     * The HTTP status of the error response.
     *
     * @return 403 Forbidden for {@link #FORBIDDEN}, 400 Bad Request for every other error
     */
    public HttpResponseStatus status() {
        return status;
    }

    /**
     * The JSON body sent with the error.
     *
     * @return {@code {"code":N,"message":"..."}} with this error's code and message
     */
    public String json() {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
    }
}
