package org.rtc4j.sctp;

/** Chunk, parameter and error-cause numbers from RFC 9260, 3758, 6525, 8260 and 9653. */
final class Chunks {
    private Chunks() {
    }

    static final int DATA = 0;
    static final int INIT = 1;
    static final int INIT_ACK = 2;
    static final int SACK = 3;
    static final int HEARTBEAT = 4;
    static final int HEARTBEAT_ACK = 5;
    static final int ABORT = 6;
    static final int SHUTDOWN = 7;
    static final int SHUTDOWN_ACK = 8;
    static final int ERROR = 9;
    static final int COOKIE_ECHO = 10;
    static final int COOKIE_ACK = 11;
    static final int SHUTDOWN_COMPLETE = 14;
    static final int I_DATA = 64;
    static final int RE_CONFIG = 130;
    static final int FORWARD_TSN = 192;
    static final int I_FORWARD_TSN = 194;

    /** DATA chunk flags. */
    static final int FLAG_END = 1;
    static final int FLAG_BEGIN = 2;
    static final int FLAG_UNORDERED = 4;
    static final int FLAG_IMMEDIATE = 8;
    /** ABORT / SHUTDOWN-COMPLETE: the verification tag is the sender's own (reflected). */
    static final int FLAG_T = 1;

    static final int COMMON_HEADER = 12;
    static final int DATA_HEADER = 16;

    /** INIT parameters. */
    static final int PARAM_HEARTBEAT_INFO = 1;
    static final int PARAM_STATE_COOKIE = 7;
    static final int PARAM_UNRECOGNIZED = 8;
    static final int PARAM_SUPPORTED_EXTENSIONS = 0x8008;
    static final int PARAM_FORWARD_TSN_SUPPORTED = 0xC000;
    static final int PARAM_ZERO_CHECKSUM = 0x8001;

    /** RE-CONFIG parameters (RFC 6525). */
    static final int PARAM_OUTGOING_RESET = 13;
    static final int PARAM_INCOMING_RESET = 14;
    static final int PARAM_RECONFIG_RESPONSE = 16;

    /** RE-CONFIG results. */
    static final int RESULT_NOTHING_TO_DO = 0;
    static final int RESULT_PERFORMED = 1;
    static final int RESULT_DENIED = 2;
    static final int RESULT_BAD_SEQUENCE = 5;
    static final int RESULT_IN_PROGRESS = 6;

    /** Error causes. */
    static final int CAUSE_INVALID_STREAM = 1;
    static final int CAUSE_MISSING_PARAM = 2;
    static final int CAUSE_STALE_COOKIE = 3;
    static final int CAUSE_OUT_OF_RESOURCE = 4;
    static final int CAUSE_UNRECOGNIZED_CHUNK = 6;
    static final int CAUSE_INVALID_PARAM = 7;
    static final int CAUSE_NO_USER_DATA = 9;
    static final int CAUSE_USER_ABORT = 12;
    static final int CAUSE_PROTOCOL_VIOLATION = 13;

    static String chunkName(int type) {
        switch (type) {
            case DATA: return "DATA";
            case INIT: return "INIT";
            case INIT_ACK: return "INIT-ACK";
            case SACK: return "SACK";
            case HEARTBEAT: return "HEARTBEAT";
            case HEARTBEAT_ACK: return "HEARTBEAT-ACK";
            case ABORT: return "ABORT";
            case SHUTDOWN: return "SHUTDOWN";
            case SHUTDOWN_ACK: return "SHUTDOWN-ACK";
            case ERROR: return "ERROR";
            case COOKIE_ECHO: return "COOKIE-ECHO";
            case COOKIE_ACK: return "COOKIE-ACK";
            case SHUTDOWN_COMPLETE: return "SHUTDOWN-COMPLETE";
            case I_DATA: return "I-DATA";
            case RE_CONFIG: return "RE-CONFIG";
            case FORWARD_TSN: return "FORWARD-TSN";
            case I_FORWARD_TSN: return "I-FORWARD-TSN";
            default: return "chunk " + type;
        }
    }

    static String causeName(int cause) {
        switch (cause) {
            case CAUSE_INVALID_STREAM: return "Invalid Stream Identifier";
            case CAUSE_MISSING_PARAM: return "Missing Mandatory Parameter";
            case CAUSE_STALE_COOKIE: return "Stale Cookie Error";
            case CAUSE_OUT_OF_RESOURCE: return "Out of Resource";
            case 5: return "Unresolvable Address";
            case CAUSE_UNRECOGNIZED_CHUNK: return "Unrecognized Chunk Type";
            case CAUSE_INVALID_PARAM: return "Invalid Mandatory Parameter";
            case 8: return "Unrecognized Parameters";
            case CAUSE_NO_USER_DATA: return "No User Data";
            case 10: return "Cookie Received While Shutting Down";
            case 11: return "Restart of an Association with New Addresses";
            case CAUSE_USER_ABORT: return "User-Initiated Abort";
            case CAUSE_PROTOCOL_VIOLATION: return "Protocol Violation";
            default: return "cause " + cause;
        }
    }
}
