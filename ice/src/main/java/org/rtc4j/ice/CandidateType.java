package org.rtc4j.ice;

/**
 * ICE candidate types with their RFC 8445 recommended type preferences.
 */
public enum CandidateType {
    /** Host candidate. */
    HOST("host", 126),
    /** Peer-reflexive candidate. */
    PRFLX("prflx", 110),
    /** Server-reflexive candidate. */
    SRFLX("srflx", 100),
    /** Relayed candidate. */
    RELAY("relay", 0);

    private final String sdpName;
    private final int typePreference;

    CandidateType(String sdpName, int typePreference) {
        this.sdpName = sdpName;
        this.typePreference = typePreference;
    }

    /** @return the name used in SDP ("host", "srflx", "prflx", "relay") */
    public String sdpName() {
        return sdpName;
    }

    /** @return the type preference (126, 110, 100, 0) */
    public int typePreference() {
        return typePreference;
    }

    /**
     * @param name SDP name
     * @return the type
     * @throws IllegalArgumentException if unknown
     */
    public static CandidateType fromSdp(String name) {
        for (CandidateType t : values()) {
            if (t.sdpName.equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown candidate type " + name);
    }
}
