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
    /**
     * No auth, 64 KiB messages, 50 events/s with bursts of 100.
     *
     * @return no secret, 65,536 bytes per message, 50 events/s, bursts of 100, room names of at
     *         most 128 characters
     */
    public static SignalingOptions defaults() {
        return new SignalingOptions(null, 64 * 1024, 50, 100, 128);
    }

    /**
     * A copy with another token secret.
     *
     * @param s the HS256 secret, at least 32 UTF-8 bytes, or null to disable token checks
     * @return the new options
     */
    public SignalingOptions withSecret(String s) {
        return new SignalingOptions(s, maxMessageBytes, ratePerSecond, burst, maxRoomName);
    }

    /**
     * A copy with another rate limit (a token bucket per connection over {@code join},
     * {@code leave} and {@code signal}).
     *
     * @param perSecond sustained events per second per connection
     * @param burstSize events a connection may send at once
     * @return the new options
     */
    public SignalingOptions withRate(double perSecond, int burstSize) {
        return new SignalingOptions(secret, maxMessageBytes, perSecond, burstSize, maxRoomName);
    }

    /**
     * A copy with another message size limit.
     *
     * @param bytes most text bytes one {@code signal.data} may carry
     * @return the new options
     */
    public SignalingOptions withMaxMessageBytes(int bytes) {
        return new SignalingOptions(secret, bytes, ratePerSecond, burst, maxRoomName);
    }
}
