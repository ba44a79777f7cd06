package org.rtc4j.ice.stun;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any input either parses or throws {@link StunParseException}; nothing else escapes. */
class StunFuzzTest {
    private static final byte[] KEY = {1, 2, 3};

    @FuzzTest(maxDuration = "10s")
    void parseAnything(byte[] data) {
        try {
            StunMessage m = StunMessage.parse(data);
            m.verifyIntegrity(KEY);
            m.verifyIntegritySha256(KEY);
            m.verifyFingerprint();
            m.getString(StunAttribute.USERNAME);
            m.unknownAttributes();
            m.unknownComprehensionRequired();
            m.errorReason();
            m.usernameHasPrefix(KEY);
            for (int type : new int[] {StunAttribute.XOR_MAPPED_ADDRESS, StunAttribute.XOR_PEER_ADDRESS,
                    StunAttribute.XOR_RELAYED_ADDRESS}) {
                try {
                    m.getXorAddress(type);
                } catch (StunParseException expected) {
                    // declared
                }
            }
            try {
                m.getAddress(StunAttribute.MAPPED_ADDRESS);
            } catch (StunParseException expected) {
                // declared
            }
            try {
                m.errorCode();
            } catch (StunParseException expected) {
                // declared
            }
            try {
                m.getUInt32(StunAttribute.PRIORITY, 0);
                m.getUInt32(StunAttribute.LIFETIME, 0);
                if (m.has(StunAttribute.ICE_CONTROLLING)) {
                    m.getUInt64(StunAttribute.ICE_CONTROLLING);
                }
            } catch (StunParseException expected) {
                // declared
            }
        } catch (StunParseException expected) {
            // the only allowed failure
        }
        StunMessage.looksLikeStun(data, 0, data.length);
    }
}
