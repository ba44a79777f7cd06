package org.rtc4j.ice.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StunCodecTest {
    private final Random random = new Random(1);

    @Test
    void messageTypeBitsRoundTrip() {
        assertThat(StunMethod.type(StunMethod.BINDING, StunMethod.REQUEST)).isEqualTo(0x0001);
        assertThat(StunMethod.type(StunMethod.BINDING, StunMethod.SUCCESS)).isEqualTo(0x0101);
        assertThat(StunMethod.type(StunMethod.ALLOCATE, StunMethod.ERROR)).isEqualTo(0x0113);
        assertThat(StunMethod.type(StunMethod.SEND, StunMethod.INDICATION)).isEqualTo(0x0016);
        assertThat(StunMethod.type(StunMethod.DATA, StunMethod.INDICATION)).isEqualTo(0x0017);
        for (int method = 0; method < 0x1000; method += 7) {
            for (int cls = 0; cls < 4; cls++) {
                int t = StunMethod.type(method, cls);
                assertThat(StunMethod.method(t)).isEqualTo(method);
                assertThat(StunMethod.messageClass(t)).isEqualTo(cls);
            }
        }
    }

    @Test
    void everyAttributeRoundTrips() throws Exception {
        TransactionId tx = TransactionId.random(random);
        byte[] key = StunCredentials.longTermKeySha256("user", "realm", "pass");
        byte[] msg = new StunMessageBuilder(StunMethod.ALLOCATE, StunMethod.ERROR, tx)
                .addAddress(StunAttribute.MAPPED_ADDRESS, new InetSocketAddress("10.0.0.1", 1))
                .addXorAddress(StunAttribute.XOR_MAPPED_ADDRESS, new InetSocketAddress("::1", 65535))
                .addXorAddress(StunAttribute.XOR_PEER_ADDRESS, new InetSocketAddress("127.0.0.1", 4000))
                .addXorAddress(StunAttribute.XOR_RELAYED_ADDRESS, new InetSocketAddress("127.0.0.1", 4001))
                .addAddress(StunAttribute.ALTERNATE_SERVER, new InetSocketAddress("192.0.2.9", 3478))
                .addString(StunAttribute.USERNAME, "user")
                .addBytes(StunAttribute.USERHASH, StunCredentials.userHash("user", "realm"))
                .addErrorCode(438, "Stale Nonce")
                .addUnknownAttributes(0x7777, 0x0042)
                .addString(StunAttribute.REALM, "realm")
                .addString(StunAttribute.NONCE, "nonce")
                .addBytes(StunAttribute.PASSWORD_ALGORITHMS, new byte[] {0, 2, 0, 0, 0, 1, 0, 0})
                .addBytes(StunAttribute.PASSWORD_ALGORITHM, new byte[] {0, 2, 0, 0})
                .addString(StunAttribute.SOFTWARE, "rtc4j")
                .addUInt32(StunAttribute.PRIORITY, 0xFFFFFFFFL)
                .addFlag(StunAttribute.USE_CANDIDATE)
                .addUInt64(StunAttribute.ICE_CONTROLLING, -2L)
                .addUInt64(StunAttribute.ICE_CONTROLLED, 5L)
                .addUInt32(StunAttribute.CHANNEL_NUMBER, 0x40000000L)
                .addUInt32(StunAttribute.LIFETIME, 600)
                .addBytes(StunAttribute.DATA, new byte[] {1, 2, 3})
                .addUInt32(StunAttribute.REQUESTED_TRANSPORT, 17L << 24)
                .addFlag(StunAttribute.DONT_FRAGMENT)
                .addIntegrity(key)
                .addIntegritySha256(key)
                .addFingerprint()
                .build();
        StunMessage m = StunMessage.parse(msg);
        assertThat(m.method()).isEqualTo(StunMethod.ALLOCATE);
        assertThat(m.messageClass()).isEqualTo(StunMethod.ERROR);
        assertThat(m.hasTransactionId(tx)).isTrue();
        assertThat(m.getAddress(StunAttribute.MAPPED_ADDRESS)).isEqualTo(new InetSocketAddress("10.0.0.1", 1));
        assertThat(m.getXorAddress(StunAttribute.XOR_MAPPED_ADDRESS)).isEqualTo(new InetSocketAddress("::1", 65535));
        assertThat(m.getXorAddress(StunAttribute.XOR_PEER_ADDRESS)).isEqualTo(new InetSocketAddress("127.0.0.1", 4000));
        assertThat(m.getXorAddress(StunAttribute.XOR_RELAYED_ADDRESS)).isEqualTo(new InetSocketAddress("127.0.0.1", 4001));
        assertThat(m.getAddress(StunAttribute.ALTERNATE_SERVER)).isEqualTo(new InetSocketAddress("192.0.2.9", 3478));
        assertThat(m.getBytes(StunAttribute.USERHASH)).hasSize(32);
        assertThat(m.errorCode()).isEqualTo(438);
        assertThat(m.errorReason()).isEqualTo("Stale Nonce");
        assertThat(m.unknownAttributes()).containsExactly(0x7777, 0x0042);
        assertThat(m.getString(StunAttribute.REALM)).isEqualTo("realm");
        assertThat(m.getString(StunAttribute.NONCE)).isEqualTo("nonce");
        assertThat(m.getUInt32(StunAttribute.PRIORITY, 0)).isEqualTo(0xFFFFFFFFL);
        assertThat(m.has(StunAttribute.USE_CANDIDATE)).isTrue();
        assertThat(m.getUInt64(StunAttribute.ICE_CONTROLLING)).isEqualTo(-2L);
        assertThat(m.getUInt64(StunAttribute.ICE_CONTROLLED)).isEqualTo(5L);
        assertThat(m.getUInt32(StunAttribute.LIFETIME, 0)).isEqualTo(600);
        assertThat(m.getBytes(StunAttribute.DATA)).containsExactly(1, 2, 3);
        assertThat(m.verifyIntegrity(key)).isTrue();
        assertThat(m.verifyIntegritySha256(key)).isTrue();
        assertThat(m.verifyFingerprint()).isTrue();
        assertThat(m.unknownComprehensionRequired()).isEmpty();
        msg[30] ^= 1;
        StunMessage tampered = StunMessage.parse(msg);
        assertThat(tampered.verifyIntegrity(key)).isFalse();
        assertThat(tampered.verifyIntegritySha256(key)).isFalse();
        assertThat(tampered.verifyFingerprint()).isFalse();
    }

    @Test
    void attributesAfterIntegrityAreIgnored() throws Exception {
        byte[] key = "k".getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new StunMessageBuilder(StunMethod.BINDING, StunMethod.REQUEST, TransactionId.random(random))
                .addIntegrity(key).build();
        byte[] extended = java.util.Arrays.copyOf(signed, signed.length + 8);
        extended[signed.length + 1] = 0x06; // USERNAME
        extended[signed.length + 3] = 4;
        extended[3] = (byte) (extended.length - 20);
        StunMessage m = StunMessage.parse(extended);
        assertThat(m.has(StunAttribute.USERNAME)).isFalse();
        assertThat(m.verifyIntegrity(key)).isTrue();
    }

    @Test
    void unknownComprehensionRequiredAttributesAreReported() throws Exception {
        byte[] b = new StunMessageBuilder(StunMethod.BINDING, StunMethod.REQUEST, TransactionId.random(random))
                .addBytes(0x7001, new byte[1]).addBytes(0xC001, new byte[2]).build();
        assertThat(StunMessage.parse(b).unknownComprehensionRequired()).containsExactly(0x7001);
    }

    @Test
    void malformedInputThrowsTheParseException() {
        byte[] good = new StunMessageBuilder(StunMethod.BINDING, StunMethod.REQUEST, TransactionId.random(random))
                .addString(StunAttribute.SOFTWARE, "abc").build();
        assertThatThrownBy(() -> StunMessage.parse(java.util.Arrays.copyOf(good, 19))).isInstanceOf(StunParseException.class);
        assertThatThrownBy(() -> StunMessage.parse(java.util.Arrays.copyOf(good, good.length - 1)))
                .isInstanceOf(StunParseException.class);
        byte[] bad = good.clone();
        bad[0] |= (byte) 0x80;
        assertThatThrownBy(() -> StunMessage.parse(bad)).isInstanceOf(StunParseException.class);
        byte[] cookie = good.clone();
        cookie[5] ^= 1;
        assertThatThrownBy(() -> StunMessage.parse(cookie)).isInstanceOf(StunParseException.class);
        byte[] overrun = good.clone();
        overrun[23] = 9;
        assertThatThrownBy(() -> StunMessage.parse(overrun)).isInstanceOf(StunParseException.class);
        byte[] badPriority = new StunMessageBuilder(StunMethod.BINDING, StunMethod.REQUEST, TransactionId.random(random))
                .addBytes(StunAttribute.PRIORITY, new byte[3]).build();
        assertThatThrownBy(() -> StunMessage.parse(badPriority)).isInstanceOf(StunParseException.class);
        byte[] badFamily = new StunMessageBuilder(StunMethod.BINDING, StunMethod.SUCCESS, TransactionId.random(random))
                .addBytes(StunAttribute.XOR_MAPPED_ADDRESS, new byte[] {0, 3, 0, 0, 1, 2, 3, 4}).build();
        assertThatThrownBy(() -> StunMessage.parse(badFamily).getXorAddress(StunAttribute.XOR_MAPPED_ADDRESS))
                .isInstanceOf(StunParseException.class);
        assertThatThrownBy(() -> StunMessage.parse(null)).isInstanceOf(StunParseException.class);
        assertThat(StunMessage.looksLikeStun(good, 0, good.length)).isTrue();
        assertThat(StunMessage.looksLikeStun(new byte[] {(byte) 0x80, 0, 0, 0}, 0, 4)).isFalse();
    }

    @Test
    void retransmissionScheduleFollowsTheRfc() {
        StunClientTransaction<String> t = new StunClientTransaction<>(TransactionId.random(random), new byte[0],
                RetransmissionPolicy.UDP_DEFAULT, "ctx", 0);
        long[] expectedSends = {500, 1500, 3500, 7500, 15500, 31500};
        for (long at : expectedSends) {
            assertThat(t.nextTimeout()).isEqualTo(at);
            assertThat(t.handleTimeout(at - 1)).isEqualTo(StunClientTransaction.Action.NONE);
            assertThat(t.handleTimeout(at)).isEqualTo(StunClientTransaction.Action.RETRANSMIT);
        }
        assertThat(t.attempts()).isEqualTo(7);
        assertThat(t.nextTimeout()).isEqualTo(39500);
        assertThat(t.handleTimeout(39500)).isEqualTo(StunClientTransaction.Action.TIMED_OUT);
        assertThat(t.isDone()).isTrue();
        StunClientTransaction<String> tcp = new StunClientTransaction<>(TransactionId.random(random), new byte[0],
                RetransmissionPolicy.RELIABLE_DEFAULT, "ctx", 100);
        assertThat(tcp.nextTimeout()).isEqualTo(39600);
        assertThat(tcp.handleTimeout(39600)).isEqualTo(StunClientTransaction.Action.TIMED_OUT);
    }
}
