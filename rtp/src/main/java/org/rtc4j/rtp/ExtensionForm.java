package org.rtc4j.rtp;

/** How {@link RtpHeader} encodes header extension elements (RFC 8285). */
public enum ExtensionForm {
    /** One-byte form when every element fits (ids 1-14, 1-16 bytes), two-byte form otherwise. */
    AUTO,
    /** Always the one-byte form ({@code 0xBEDE}); fails for elements that do not fit. */
    ONE_BYTE,
    /**
     * Always the two-byte form ({@code 0x1000}); needed when {@code a=extmap-allow-mixed} is
     * negotiated and an element has id 15-255 or is empty or longer than 16 bytes.
     */
    TWO_BYTE
}
