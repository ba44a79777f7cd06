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
 */
public record EngineOptions(Duration pingInterval, Duration pingTimeout, int maxHttpBufferSize,
                            Duration upgradeTimeout, List<String> corsOrigins,
                            Predicate<EngineRequest> allowRequest, List<String> transports) {
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

    /** The reference server's defaults, no CORS headers, both transports. */
    public static EngineOptions defaults() {
        return new EngineOptions(Duration.ofSeconds(25), Duration.ofSeconds(20), 1_000_000,
                Duration.ofSeconds(10), List.of(), r -> true, List.of("polling", "websocket"));
    }

    public EngineOptions withPing(Duration interval, Duration timeout) {
        return new EngineOptions(interval, timeout, maxHttpBufferSize, upgradeTimeout, corsOrigins,
                allowRequest, transports);
    }

    public EngineOptions withMaxHttpBufferSize(int bytes) {
        return new EngineOptions(pingInterval, pingTimeout, bytes, upgradeTimeout, corsOrigins,
                allowRequest, transports);
    }

    public EngineOptions withCors(List<String> origins) {
        return new EngineOptions(pingInterval, pingTimeout, maxHttpBufferSize, upgradeTimeout, origins,
                allowRequest, transports);
    }

    public EngineOptions withAllowRequest(Predicate<EngineRequest> allow) {
        return new EngineOptions(pingInterval, pingTimeout, maxHttpBufferSize, upgradeTimeout, corsOrigins,
                allow, transports);
    }

    public EngineOptions withTransports(List<String> names) {
        return new EngineOptions(pingInterval, pingTimeout, maxHttpBufferSize, upgradeTimeout, corsOrigins,
                allowRequest, names);
    }
}
