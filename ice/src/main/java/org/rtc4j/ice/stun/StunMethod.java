package org.rtc4j.ice.stun;

/**
 * STUN method and class codes and the message-type bit packing of RFC 8489 section 5.
 */
public final class StunMethod {
    private StunMethod() {
    }

    /** Binding. */
    public static final int BINDING = 0x001;
    /** TURN Allocate. */
    public static final int ALLOCATE = 0x003;
    /** TURN Refresh. */
    public static final int REFRESH = 0x004;
    /** TURN Send (indication). */
    public static final int SEND = 0x006;
    /** TURN Data (indication). */
    public static final int DATA = 0x007;
    /** TURN CreatePermission. */
    public static final int CREATE_PERMISSION = 0x008;
    /** TURN ChannelBind. */
    public static final int CHANNEL_BIND = 0x009;

    /** Class: request. */
    public static final int REQUEST = 0;
    /** Class: indication. */
    public static final int INDICATION = 1;
    /** Class: success response. */
    public static final int SUCCESS = 2;
    /** Class: error response. */
    public static final int ERROR = 3;

    /**
     * @param method 12-bit method
     * @param cls class (0..3)
     * @return the 14-bit message type
     */
    public static int type(int method, int cls) {
        return (method & 0x000F) | ((method & 0x0070) << 1) | ((method & 0x0F80) << 2)
                | ((cls & 1) << 4) | ((cls & 2) << 7);
    }

    /**
     * @param type message type
     * @return the method
     */
    public static int method(int type) {
        return (type & 0x000F) | ((type >> 1) & 0x0070) | ((type >> 2) & 0x0F80);
    }

    /**
     * @param type message type
     * @return the class
     */
    public static int messageClass(int type) {
        return ((type >> 4) & 1) | ((type >> 7) & 2);
    }
}
