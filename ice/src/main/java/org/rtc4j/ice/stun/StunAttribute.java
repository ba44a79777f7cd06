package org.rtc4j.ice.stun;

/**
 * STUN attribute type codes (RFC 8489, RFC 8445, RFC 8656, RFC 5780 subset).
 * Types below 0x8000 are comprehension-required.
 */
public final class StunAttribute {
    private StunAttribute() {
    }

    /** MAPPED-ADDRESS. */
    public static final int MAPPED_ADDRESS = 0x0001;
    /** CHANGE-REQUEST (RFC 5780, kept for completeness). */
    public static final int CHANGE_REQUEST = 0x0003;
    /** USERNAME. */
    public static final int USERNAME = 0x0006;
    /** MESSAGE-INTEGRITY (HMAC-SHA1). */
    public static final int MESSAGE_INTEGRITY = 0x0008;
    /** ERROR-CODE. */
    public static final int ERROR_CODE = 0x0009;
    /** UNKNOWN-ATTRIBUTES. */
    public static final int UNKNOWN_ATTRIBUTES = 0x000A;
    /** CHANNEL-NUMBER (TURN). */
    public static final int CHANNEL_NUMBER = 0x000C;
    /** LIFETIME (TURN). */
    public static final int LIFETIME = 0x000D;
    /** XOR-PEER-ADDRESS (TURN). */
    public static final int XOR_PEER_ADDRESS = 0x0012;
    /** DATA (TURN). */
    public static final int DATA = 0x0013;
    /** REALM. */
    public static final int REALM = 0x0014;
    /** NONCE. */
    public static final int NONCE = 0x0015;
    /** XOR-RELAYED-ADDRESS (TURN). */
    public static final int XOR_RELAYED_ADDRESS = 0x0016;
    /** REQUESTED-ADDRESS-FAMILY (TURN). */
    public static final int REQUESTED_ADDRESS_FAMILY = 0x0017;
    /** EVEN-PORT (TURN). */
    public static final int EVEN_PORT = 0x0018;
    /** REQUESTED-TRANSPORT (TURN). */
    public static final int REQUESTED_TRANSPORT = 0x0019;
    /** DONT-FRAGMENT (TURN). */
    public static final int DONT_FRAGMENT = 0x001A;
    /** MESSAGE-INTEGRITY-SHA256. */
    public static final int MESSAGE_INTEGRITY_SHA256 = 0x001C;
    /** PASSWORD-ALGORITHM. */
    public static final int PASSWORD_ALGORITHM = 0x001D;
    /** USERHASH. */
    public static final int USERHASH = 0x001E;
    /** XOR-MAPPED-ADDRESS. */
    public static final int XOR_MAPPED_ADDRESS = 0x0020;
    /** RESERVATION-TOKEN (TURN). */
    public static final int RESERVATION_TOKEN = 0x0022;
    /** PRIORITY (ICE). */
    public static final int PRIORITY = 0x0024;
    /** USE-CANDIDATE (ICE). */
    public static final int USE_CANDIDATE = 0x0025;
    /** PASSWORD-ALGORITHMS. */
    public static final int PASSWORD_ALGORITHMS = 0x8002;
    /** ALTERNATE-DOMAIN. */
    public static final int ALTERNATE_DOMAIN = 0x8003;
    /** SOFTWARE. */
    public static final int SOFTWARE = 0x8022;
    /** ALTERNATE-SERVER. */
    public static final int ALTERNATE_SERVER = 0x8023;
    /** FINGERPRINT. */
    public static final int FINGERPRINT = 0x8028;
    /** ICE-CONTROLLED. */
    public static final int ICE_CONTROLLED = 0x8029;
    /** ICE-CONTROLLING. */
    public static final int ICE_CONTROLLING = 0x802A;
    /** RESPONSE-ORIGIN (RFC 5780). */
    public static final int RESPONSE_ORIGIN = 0x802B;
    /** OTHER-ADDRESS (RFC 5780). */
    public static final int OTHER_ADDRESS = 0x802C;

    /**
     * @param type attribute type
     * @return true if an agent that does not understand it must reject the message
     */
    public static boolean isComprehensionRequired(int type) {
        return type < 0x8000;
    }

    /**
     * @param type attribute type
     * @return true if this codec knows the attribute
     */
    public static boolean isKnown(int type) {
        switch (type) {
            case MAPPED_ADDRESS: case CHANGE_REQUEST: case USERNAME: case MESSAGE_INTEGRITY: case ERROR_CODE:
            case UNKNOWN_ATTRIBUTES: case CHANNEL_NUMBER: case LIFETIME: case XOR_PEER_ADDRESS: case DATA:
            case REALM: case NONCE: case XOR_RELAYED_ADDRESS: case REQUESTED_ADDRESS_FAMILY: case EVEN_PORT:
            case REQUESTED_TRANSPORT: case DONT_FRAGMENT: case MESSAGE_INTEGRITY_SHA256: case PASSWORD_ALGORITHM:
            case USERHASH: case XOR_MAPPED_ADDRESS: case RESERVATION_TOKEN: case PRIORITY: case USE_CANDIDATE:
            case PASSWORD_ALGORITHMS: case ALTERNATE_DOMAIN: case SOFTWARE: case ALTERNATE_SERVER: case FINGERPRINT:
            case ICE_CONTROLLED: case ICE_CONTROLLING: case RESPONSE_ORIGIN: case OTHER_ADDRESS:
                return true;
            default:
                return false;
        }
    }
}
