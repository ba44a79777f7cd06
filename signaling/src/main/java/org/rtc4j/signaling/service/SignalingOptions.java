package org.rtc4j.signaling.service;

/**
 * Limits and auth of the signaling service.
 *
 * @param secret          HS256 secret; null disables token checks
 * @param maxMessageBytes most text bytes one {@code signal.data} may carry (its strings, unescaped: SDP ≤ 64 KiB by default)
 * @param ratePerSecond   sustained events per second per connection
 * @param burst           events a connection may send at once
 * @param maxRoomName     longest accepted room name
 */
public record SignalingOptions(String secret, int maxMessageBytes, double ratePerSecond, int burst, int maxRoomName) {
    /** No auth, 64 KiB messages, 50 events/s with bursts of 100. */
    public static SignalingOptions defaults() {
        return new SignalingOptions(null, 64 * 1024, 50, 100, 128);
    }

    public SignalingOptions withSecret(String s) {
        return new SignalingOptions(s, maxMessageBytes, ratePerSecond, burst, maxRoomName);
    }

    public SignalingOptions withRate(double perSecond, int burstSize) {
        return new SignalingOptions(secret, maxMessageBytes, perSecond, burstSize, maxRoomName);
    }

    public SignalingOptions withMaxMessageBytes(int bytes) {
        return new SignalingOptions(secret, bytes, ratePerSecond, burst, maxRoomName);
    }
}
