package org.rtc4j.signaling.engineio;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Engine.IO server settings. Defaults follow the reference server: ping every 25 s, 20 s to
 * answer, 1 MB per HTTP body or WebSocket frame, 10 s to complete an upgrade.
 *
 * @param pingInterval      time between server pings
 * @param pingTimeout       time a client has to answer a ping
 * @param maxHttpBufferSize largest accepted POST body / WebSocket frame, announced as maxPayload
 * @param upgradeTimeout    time between a probe and the upgrade packet
 * @param corsOrigins       allowed Origin values ("*" allows any); empty disables CORS headers
 * @param allowRequest      may refuse a handshake (answered with 403 Forbidden)
 * @param transports        accepted transports ("polling", "websocket")
 * @param cookie            the sid cookie set on handshake responses, or null for none
 */
public record EngineOptions(Duration pingInterval, Duration pingTimeout, int maxHttpBufferSize,
                            Duration upgradeTimeout, List<String> corsOrigins,
                            Predicate<EngineRequest> allowRequest, List<String> transports,
                            EngineCookie cookie) {
    /**
     * Validates the settings and copies the lists.
     *
     * @param pingInterval      time between server pings
     * @param pingTimeout       time a client has to answer a ping
     * @param maxHttpBufferSize largest accepted POST body / WebSocket frame, in bytes; positive
     * @param upgradeTimeout    time between a probe and the upgrade packet
     * @param corsOrigins       allowed Origin values ("*" allows any); empty disables CORS headers
     * @param allowRequest      may refuse a handshake (answered with 403 Forbidden)
     * @param transports        accepted transports ("polling", "websocket")
     * @param cookie            the sid cookie set on handshake responses, or null for none
     * @throws NullPointerException     if a duration, list, list element or
     *                                  {@code allowRequest} is null
     * @throws IllegalArgumentException if {@code maxHttpBufferSize} is not positive
     */
    public EngineOptions {
        Objects.requireNonNull(pingInterval);
        Objects.requireNonNull(pingTimeout);
        Objects.requireNonNull(upgradeTimeout);
        corsOrigins = List.copyOf(corsOrigins);
        transports = List.copyOf(transports);
        Objects.requireNonNull(allowRequest);
        if (maxHttpBufferSize <= 0) {
            throw new IllegalArgumentException("maxHttpBufferSize must be positive");
        }
    }

    /**
     * The reference server's defaults, no CORS headers, both transports.
     *
     * @return ping every 25 s with 20 s to answer, 1,000,000 bytes per body or frame, 10 s to
     *         upgrade, no CORS origins, every handshake allowed, {@code polling} and
     *         {@code websocket}, no cookie
     */
    public static EngineOptions defaults() {
        return new EngineOptions(Duration.ofSeconds(25), Duration.ofSeconds(20), 1_000_000,
                Duration.ofSeconds(10), List.of(), r -> true, List.of("polling", "websocket"), null);
    }

    /**
     * A copy with other heartbeat timings.
     *
     * @param interval time between server pings
     * @param timeout  time a client has to answer a ping before the session closes
     * @return the new options
     */
    public EngineOptions withPing(Duration interval, Duration timeout) {
        return new EngineOptions(interval, timeout, maxHttpBufferSize, upgradeTimeout, corsOrigins,
                allowRequest, transports, cookie);
    }

    /**
     * A copy with another size limit.
     *
     * @param bytes largest accepted POST body or WebSocket message, in bytes; must be positive
     * @return the new options
     */
    public EngineOptions withMaxHttpBufferSize(int bytes) {
        return new EngineOptions(pingInterval, pingTimeout, bytes, upgradeTimeout, corsOrigins,
                allowRequest, transports, cookie);
    }

    /**
     * A copy with other allowed CORS origins.
     *
     * @param origins allowed {@code Origin} values ({@code "*"} allows any); empty disables CORS
     *                headers and preflight answers
     * @return the new options
     */
    public EngineOptions withCors(List<String> origins) {
        return new EngineOptions(pingInterval, pingTimeout, maxHttpBufferSize, upgradeTimeout, origins,
                allowRequest, transports, cookie);
    }

    /**
     * A copy with another handshake filter.
     *
     * @param allow returns false to refuse a handshake with 403 Forbidden
     * @return the new options
     */
    public EngineOptions withAllowRequest(Predicate<EngineRequest> allow) {
        return new EngineOptions(pingInterval, pingTimeout, maxHttpBufferSize, upgradeTimeout, corsOrigins,
                allow, transports, cookie);
    }

    /**
     * A copy with other accepted transports.
     *
     * @param names {@code "polling"} and/or {@code "websocket"}; upgrades are offered only when
     *              {@code "websocket"} is among them
     * @return the new options
     */
    public EngineOptions withTransports(List<String> names) {
        return new EngineOptions(pingInterval, pingTimeout, maxHttpBufferSize, upgradeTimeout, corsOrigins,
                allowRequest, names, cookie);
    }

    /**
     * A copy that sets (or stops setting) the sid cookie on handshake responses, for load
     * balancers that keep a session's requests on one node by cookie.
     *
     * @param c the cookie ({@link EngineCookie#defaults()} is the reference's {@code cookie: true}),
     *          or null for none
     * @return the new options
     */
    public EngineOptions withCookie(EngineCookie c) {
        return new EngineOptions(pingInterval, pingTimeout, maxHttpBufferSize, upgradeTimeout, corsOrigins,
                allowRequest, transports, c);
    }
}
