package org.rtc4j.examples.peer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.rtc4j.RTCException;
import org.rtc4j.RTCIceServer;

/**
 * Reads {@code --ice-server} values: {@code stun:host:port}, or
 * {@code turn:user:pass@host:port?transport=tcp} / {@code turns:...} with the credentials inline
 * (percent-encoded if they contain {@code :} or {@code @}).
 */
public final class IceServerArgs {
    private IceServerArgs() {
    }

    /**
     * Parses one {@code --ice-server} value. The user and password are form-decoded with
     * {@link URLDecoder}, so a literal {@code +} must be written {@code %2B} (a bare {@code +}
     * becomes a space).
     *
     * @param value {@code stun:host:port}, or {@code turn:user:pass@host:port[?transport=tcp]} /
     *              {@code turns:...}
     * @return the ICE server
     * @throws CliFailure (exit 2) naming what is wrong with the value
     */
    public static RTCIceServer parse(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new CliFailure(2, "--ice-server " + value + ": expected stun:, turn: or turns: URL");
        }
        String scheme = value.substring(0, colon);
        String rest = value.substring(colon + 1);
        String user = null;
        String pass = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String creds = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int sep = creds.indexOf(':');
            if (sep < 0) {
                throw new CliFailure(2, "--ice-server " + value + ": credentials must be user:password");
            }
            user = URLDecoder.decode(creds.substring(0, sep), StandardCharsets.UTF_8);
            pass = URLDecoder.decode(creds.substring(sep + 1), StandardCharsets.UTF_8);
        }
        String url = scheme + ":" + rest;
        try {
            if (scheme.startsWith("turn")) {
                if (user == null) {
                    throw new CliFailure(2, "--ice-server " + value + ": TURN needs user:password@ before the host");
                }
                return RTCIceServer.turn(url, user, pass);
            }
            if (user != null) {
                throw new CliFailure(2, "--ice-server " + value + ": only TURN servers take credentials");
            }
            return RTCIceServer.stun(url);
        } catch (RTCException | IllegalArgumentException e) {
            throw new CliFailure(2, "--ice-server " + value + ": " + e.getMessage());
        }
    }
}
