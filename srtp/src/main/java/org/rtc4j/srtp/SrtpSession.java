package org.rtc4j.srtp;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SRTP and SRTCP for one DTLS-SRTP association: protects what we send with the local master key
 * and unprotects what we receive with the remote one. Per-SSRC state (rollover counter, replay
 * window, SRTCP index) is created on demand; remote SSRCs only once a packet authenticates and up
 * to {@link SrtpConfig#maxRemoteSsrcs()}.
 *
 * <p>All methods work in place. Protect appends the tag (and for SRTCP the index word) after the
 * packet, into tailroom the caller provides ({@link SrtpProfile#srtpOverhead()} /
 * {@link SrtpProfile#srtcpOverhead()} bytes). Unprotect returns a {@link SrtpStatus}; on
 * {@link SrtpStatus#OK} the plaintext packet is the first {@code length - overhead} bytes, on any
 * other status the bytes are unchanged. Nothing on these paths allocates for AES-CM.
 *
 * <p>Not thread-safe. The sending side (protect methods) and the receiving side (unprotect
 * methods) share no mutable state, so one thread may send while another receives.
 */
public final class SrtpSession {
    private static final Logger LOG = LoggerFactory.getLogger(SrtpSession.class);
    /** Local SSRCs are ours to choose; this only stops a runaway caller. */
    private static final int MAX_LOCAL_SSRCS = 1 << 16;

    private final SrtpProfile profile;
    private final SrtpConfig config;
    private final PacketCrypto rtpOut;
    private final PacketCrypto rtcpOut;
    private final PacketCrypto rtpIn;
    private final PacketCrypto rtcpIn;
    private final SsrcTable rtpOutStreams = new SsrcTable(MAX_LOCAL_SSRCS);
    private final SsrcTable rtcpOutStreams = new SsrcTable(MAX_LOCAL_SSRCS);
    private final SsrcTable rtpInStreams;
    private final SsrcTable rtcpInStreams;
    private final SrtpCounters counters = new SrtpCounters();
    private byte[] directOut = new byte[0];
    private byte[] directIn = new byte[0];

    SrtpSession(SrtpProfile profile, SrtpConfig config, PacketCrypto rtpOut, PacketCrypto rtcpOut,
                PacketCrypto rtpIn, PacketCrypto rtcpIn) {
        this.profile = profile;
        this.config = config;
        this.rtpOut = rtpOut;
        this.rtcpOut = rtcpOut;
        this.rtpIn = rtpIn;
        this.rtcpIn = rtcpIn;
        this.rtpInStreams = new SsrcTable(config.maxRemoteSsrcs());
        this.rtcpInStreams = new SsrcTable(config.maxRemoteSsrcs());
    }

    /**
     * A session from explicit master keys and salts with the default configuration
     * ({@link SrtpConfig#DEFAULT}). The session keys are derived with the RFC 3711 section 4.3 KDF
     * (key derivation rate 0); the arrays are not kept.
     *
     * @param profile          the protection profile, not null
     * @param localMasterKey   master key for what we send, {@link SrtpProfile#keyLength()} bytes
     * @param localMasterSalt  master salt for what we send, {@link SrtpProfile#saltLength()} bytes
     * @param remoteMasterKey  master key for what we receive, {@link SrtpProfile#keyLength()} bytes
     * @param remoteMasterSalt master salt for what we receive, {@link SrtpProfile#saltLength()}
     *                         bytes
     * @return a new session
     * @throws SrtpException if a key or salt has the wrong length for {@code profile}
     * @throws NullPointerException if {@code profile} or any key or salt is null
     */
    public static SrtpSession create(SrtpProfile profile, byte[] localMasterKey, byte[] localMasterSalt,
                                     byte[] remoteMasterKey, byte[] remoteMasterSalt) {
        return create(profile, localMasterKey, localMasterSalt, remoteMasterKey, remoteMasterSalt, SrtpConfig.DEFAULT);
    }

    /**
     * A session from explicit master keys and salts. The session keys are derived with the
     * RFC 3711 section 4.3 KDF (key derivation rate 0); the arrays are not kept.
     *
     * @param profile          the protection profile, not null
     * @param localMasterKey   master key for what we send, {@link SrtpProfile#keyLength()} bytes
     * @param localMasterSalt  master salt for what we send, {@link SrtpProfile#saltLength()} bytes
     * @param remoteMasterKey  master key for what we receive, {@link SrtpProfile#keyLength()} bytes
     * @param remoteMasterSalt master salt for what we receive, {@link SrtpProfile#saltLength()}
     *                         bytes
     * @param config           replay windows, SSRC bound and cryptex, not null
     * @return a new session
     * @throws SrtpException if a key or salt has the wrong length for {@code profile}
     * @throws NullPointerException if {@code profile}, {@code config} or any key or salt is null
     */
    public static SrtpSession create(SrtpProfile profile, byte[] localMasterKey, byte[] localMasterSalt,
                                     byte[] remoteMasterKey, byte[] remoteMasterSalt, SrtpConfig config) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(config, "config");
        checkLength("local master key", localMasterKey, profile.keyLength());
        checkLength("local master salt", localMasterSalt, profile.saltLength());
        checkLength("remote master key", remoteMasterKey, profile.keyLength());
        checkLength("remote master salt", remoteMasterSalt, profile.saltLength());
        SrtpSession s = new SrtpSession(profile, config,
                derive(profile, localMasterKey, localMasterSalt, false),
                derive(profile, localMasterKey, localMasterSalt, true),
                derive(profile, remoteMasterKey, remoteMasterSalt, false),
                derive(profile, remoteMasterKey, remoteMasterSalt, true));
        LOG.debug("SRTP session created with {}", profile);
        return s;
    }

    /**
     * A session from DTLS-SRTP keying material (RFC 5764 section 4.2): the exporter output with
     * label "EXTRACTOR-dtls_srtp", laid out as client key, server key, client salt, server salt.
     * The DTLS client protects with the client half and unprotects with the server half, and the
     * DTLS server the reverse.
     *
     * @param profile      the negotiated protection profile ({@link SrtpProfile#fromId(int)})
     * @param material     {@link SrtpProfile#keyingMaterialLength()} exported bytes
     * @param dtlsClient   whether this endpoint was the DTLS client
     * @param mki          the negotiated srtp_mki value; null or empty, as MKI is not supported
     * @param config       replay windows, SSRC bound and cryptex, not null
     * @return a new session
     * @throws SrtpException on a material length mismatch or a non-empty MKI
     * @throws NullPointerException if {@code profile}, {@code material} or {@code config} is null
     */
    public static SrtpSession fromDtlsKeyingMaterial(SrtpProfile profile, byte[] material, boolean dtlsClient,
                                                     byte[] mki, SrtpConfig config) {
        Objects.requireNonNull(profile, "profile");
        if (mki != null && mki.length > 0) {
            throw new SrtpException("SRTP MKI is not supported (peer offered a " + mki.length + "-byte MKI)");
        }
        checkLength("DTLS-SRTP keying material", material, profile.keyingMaterialLength());
        int k = profile.keyLength();
        int s = profile.saltLength();
        byte[] clientKey = Arrays.copyOfRange(material, 0, k);
        byte[] serverKey = Arrays.copyOfRange(material, k, 2 * k);
        byte[] clientSalt = Arrays.copyOfRange(material, 2 * k, 2 * k + s);
        byte[] serverSalt = Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s);
        return dtlsClient
                ? create(profile, clientKey, clientSalt, serverKey, serverSalt, config)
                : create(profile, serverKey, serverSalt, clientKey, clientSalt, config);
    }

    /**
     * {@link #fromDtlsKeyingMaterial(SrtpProfile, byte[], boolean, byte[], SrtpConfig)} without MKI,
     * default config.
     *
     * @param profile    the negotiated protection profile ({@link SrtpProfile#fromId(int)})
     * @param material   {@link SrtpProfile#keyingMaterialLength()} exported bytes
     * @param dtlsClient whether this endpoint was the DTLS client
     * @return a new session
     * @throws SrtpException if {@code material} has the wrong length for {@code profile}
     */
    public static SrtpSession fromDtlsKeyingMaterial(SrtpProfile profile, byte[] material, boolean dtlsClient) {
        return fromDtlsKeyingMaterial(profile, material, dtlsClient, null, SrtpConfig.DEFAULT);
    }

    private static void checkLength(String what, byte[] bytes, int expected) {
        Objects.requireNonNull(bytes, what);
        if (bytes.length != expected) {
            throw new SrtpException(what + " must be " + expected + " bytes, got " + bytes.length);
        }
    }

    private static PacketCrypto derive(SrtpProfile profile, byte[] masterKey, byte[] masterSalt, boolean rtcp) {
        int base = rtcp ? SrtpKdf.LABEL_RTCP_ENCRYPTION : SrtpKdf.LABEL_RTP_ENCRYPTION;
        byte[] key = SrtpKdf.derive(masterKey, masterSalt, base, profile.keyLength());
        byte[] salt = SrtpKdf.derive(masterKey, masterSalt, base + 2, profile.saltLength());
        byte[] auth = profile.isAead() ? null : SrtpKdf.derive(masterKey, masterSalt, base + 1, profile.authKeyLength());
        return crypto(profile, key, salt, auth);
    }

    /** Crypto for one set of session keys (used directly by the RFC 7714 vector tests). */
    static PacketCrypto crypto(SrtpProfile profile, byte[] sessionKey, byte[] sessionSalt, byte[] authKey) {
        return profile.isAead()
                ? new AesGcmCrypto(sessionKey, sessionSalt)
                : new AesCmCrypto(sessionKey, sessionSalt, authKey, profile.srtpTagLength(), profile.srtcpTagLength());
    }

    /**
     * The protection profile.
     *
     * @return the profile this session protects and unprotects with
     */
    public SrtpProfile profile() {
        return profile;
    }

    /**
     * The configuration this session was made with.
     *
     * @return the configuration, never null
     */
    public SrtpConfig config() {
        return config;
    }

    /**
     * Packet counters per outcome, for stats.
     *
     * @return the live counters of this session (the same object each call)
     */
    public SrtpCounters counters() {
        return counters;
    }

    /**
     * Number of remote SSRCs that have an SRTP context.
     *
     * @return how many remote SSRCs have had an SRTP packet authenticate and not been removed
     */
    public int remoteRtpStreams() {
        return rtpInStreams.size();
    }

    /**
     * Forgets the SRTP and SRTCP state of a remote SSRC (call on RTCP BYE or when a stream is
     * torn down) so it no longer counts against {@link SrtpConfig#maxRemoteSsrcs()}. A later
     * packet of that SSRC starts a new context, with a fresh replay window.
     *
     * @param ssrc the remote synchronization source identifier
     * @return whether there was any state to forget
     */
    public boolean removeRemoteSsrc(int ssrc) {
        boolean rtp = rtpInStreams.remove(ssrc);
        boolean rtcp = rtcpInStreams.remove(ssrc);
        return rtp || rtcp;
    }

    /**
     * Forgets the rollover counter and SRTCP index of a local SSRC we no longer send. Sending on
     * it again starts from rollover counter 0 and SRTCP index 0, which can reuse keystream, so only
     * remove SSRCs that are gone for good.
     *
     * @param ssrc the local synchronization source identifier
     * @return whether there was any state to forget
     */
    public boolean removeLocalSsrc(int ssrc) {
        boolean rtp = rtpOutStreams.remove(ssrc);
        boolean rtcp = rtcpOutStreams.remove(ssrc);
        return rtp || rtcp;
    }

    // ---------------------------------------------------------------- SRTP

    /**
     * Protects the RTP packet {@code b[off, off+len)} in place and writes the tag after it.
     *
     * @param b   the buffer holding the packet, with tailroom after it up to {@code b.length}
     * @param off offset of the RTP header in {@code b}
     * @param len length of the RTP packet in bytes
     * @return the SRTP packet length, {@code len + profile().srtpOverhead()} (4 more with cryptex
     *     on a packet that has CSRCs but no header extension)
     * @throws SrtpException if it is not an RTP packet or {@code b} has no room for the tag
     * @throws IndexOutOfBoundsException if {@code b[off, off+len)} is not within {@code b}
     */
    public int protectRtp(byte[] b, int off, int len) {
        return protectRtp(b, off, len, b.length);
    }

    /** Protects with {@code end} as the exclusive bound of writable bytes (ByteBuffer capacity). */
    private int protectRtp(byte[] b, int off, int len, int end) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len < 12 || (b[off] & 0xc0) != 0x80) {
            throw new SrtpException("not an RTP version 2 packet");
        }
        int hdr = rtpHeaderLength(b, off, len);
        if (hdr < 0) {
            throw new SrtpException("RTP header longer than the packet");
        }
        if (end - off - len < profile.srtpOverhead()) {
            throw new SrtpException("need " + profile.srtpOverhead() + " bytes of tailroom for the SRTP tag");
        }
        int cryptexCsrcs = -1;
        if (config.cryptex()) {
            int csrcs = b[off] & 0x0f;
            if ((b[off] & 0x10) != 0) {
                int at = off + 12 + 4 * csrcs;
                int profileWord = (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
                if (profileWord == 0xbede || (profileWord & 0xfff0) == 0x1000) {
                    b[at] = (byte) (profileWord == 0xbede ? 0xc0 : 0xc2);
                    b[at + 1] = (byte) 0xde;
                    cryptexCsrcs = csrcs;
                }
            } else if (csrcs > 0) {
                len = insertEmptyCryptexExtension(b, off, len, end, csrcs);
                hdr += 4;
                cryptexCsrcs = csrcs;
            }
        }
        int seq = (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
        int ssrc = PacketCrypto.getInt(b, off + 8);
        SrtpStream s = rtpOutStreams.get(ssrc);
        if (s == null) {
            s = newLocalStream(rtpOutStreams, ssrc);
        }
        long index = SrtpStream.estimateIndex(s.highest, seq);
        if (index < 0) {
            index = seq;
        }
        if (index > s.highest) {
            s.highest = index;
        }
        int n = rtpOut.protectRtp(b, off, len, hdr, ssrc, index, cryptexCsrcs);
        counters.rtpProtected++;
        return n;
    }

    /** RFC 9335 section 5.1: CSRCs without an extension get an empty 0xC0DE one to mark them encrypted. */
    private int insertEmptyCryptexExtension(byte[] b, int off, int len, int end, int csrcs) {
        if (end - off - len < profile.srtpOverhead() + 4) {
            throw new SrtpException("cryptex needs " + (profile.srtpOverhead() + 4)
                    + " bytes of tailroom for a packet with CSRCs and no header extension");
        }
        int at = off + 12 + 4 * csrcs;
        System.arraycopy(b, at, b, at + 4, off + len - at);
        b[off] |= 0x10;
        b[at] = (byte) 0xc0;
        b[at + 1] = (byte) 0xde;
        b[at + 2] = 0;
        b[at + 3] = 0;
        return len + 4;
    }

    /**
     * Protects the RTP packet between {@code buf}'s position and limit, heap or direct; the tag
     * goes after the limit, which then moves past it. The position is unchanged.
     *
     * @param buf the RTP packet between position and limit, with at least
     *            {@link SrtpProfile#srtpOverhead()} bytes of capacity after the limit
     * @return the SRTP packet length
     * @throws SrtpException if it is not an RTP packet or the buffer has no room for the tag
     */
    public int protectRtp(ByteBuffer buf) {
        int pos = buf.position();
        int len = buf.remaining();
        checkTailroom(buf, profile.srtpOverhead());
        int room = buf.capacity() - pos;
        int n;
        if (buf.hasArray()) {
            int start = buf.arrayOffset() + pos;
            n = protectRtp(buf.array(), start, len, start + room);
            buf.limit(pos + n);
        } else {
            int size = Math.min(room, len + profile.srtpOverhead() + 4);
            byte[] t = directOut(size);
            buf.get(pos, t, 0, len);
            n = protectRtp(t, 0, len, size);
            buf.limit(pos + n);
            buf.put(pos, t, 0, n);
        }
        return n;
    }

    /**
     * Authenticates, replay-checks and decrypts the SRTP packet {@code b[off, off+len)} in place.
     * On {@link SrtpStatus#OK} the RTP packet is {@code b[off, off + len - profile().srtpOverhead())}.
     *
     * @param b   the buffer holding the packet
     * @param off offset of the SRTP packet in {@code b}
     * @param len length of the SRTP packet in bytes, tag included
     * @return {@link SrtpStatus#OK}, or why the packet must be dropped (its bytes then unchanged)
     * @throws IndexOutOfBoundsException if {@code b[off, off+len)} is not within {@code b}
     */
    public SrtpStatus unprotectRtp(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        int tag = profile.srtpTagLength();
        if (len < 12 + tag) {
            return counters.rtp(SrtpStatus.TOO_SHORT);
        }
        if ((b[off] & 0xc0) != 0x80) {
            return counters.rtp(SrtpStatus.MALFORMED);
        }
        int hdr = rtpHeaderLength(b, off, len - tag);
        if (hdr < 0) {
            return counters.rtp(SrtpStatus.MALFORMED);
        }
        int cryptexCsrcs = -1;
        int cryptexAt = 0;
        if (config.cryptex() && (b[off] & 0x10) != 0) {
            int csrcs = b[off] & 0x0f;
            cryptexAt = off + 12 + 4 * csrcs;
            if ((b[cryptexAt] & 0xff) == 0xc0 || (b[cryptexAt] & 0xff) == 0xc2) {
                if ((b[cryptexAt + 1] & 0xff) == 0xde) {
                    cryptexCsrcs = csrcs;
                }
            }
        }
        int seq = (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
        int ssrc = PacketCrypto.getInt(b, off + 8);
        SrtpStream s = rtpInStreams.get(ssrc);
        long index;
        if (s == null) {
            if (rtpInStreams.isFull()) {
                return counters.rtp(SrtpStatus.SSRC_LIMIT);
            }
            index = seq;
        } else {
            index = SrtpStream.estimateIndex(s.window.highest(), seq);
            if (index < 0) {
                return counters.rtp(SrtpStatus.TOO_OLD);
            }
            int replay = s.window.check(index);
            if (replay != ReplayWindow.NEW) {
                return counters.rtp(replay == ReplayWindow.DUPLICATE ? SrtpStatus.REPLAYED : SrtpStatus.TOO_OLD);
            }
        }
        if (!rtpIn.unprotectRtp(b, off, len, hdr, ssrc, index, cryptexCsrcs)) {
            return counters.rtp(SrtpStatus.AUTH_FAILED);
        }
        if (cryptexCsrcs >= 0) {
            // hand the RTP layer the ordinary extension profile again
            boolean oneByte = (b[cryptexAt] & 0xff) == 0xc0;
            b[cryptexAt] = (byte) (oneByte ? 0xbe : 0x10);
            b[cryptexAt + 1] = (byte) (oneByte ? 0xde : 0x00);
        }
        if (s == null) {
            s = new SrtpStream(ssrc, config.srtpReplayWindow());
            rtpInStreams.put(s);
        }
        s.window.accept(index);
        return counters.rtp(SrtpStatus.OK);
    }

    /**
     * Unprotects the SRTP packet between {@code buf}'s position and limit, heap or direct. On
     * {@link SrtpStatus#OK} the limit moves back over the tag; otherwise the buffer is unchanged.
     *
     * @param buf the SRTP packet between position and limit
     * @return {@link SrtpStatus#OK}, or why the packet must be dropped
     */
    public SrtpStatus unprotectRtp(ByteBuffer buf) {
        int pos = buf.position();
        int len = buf.remaining();
        SrtpStatus status;
        if (buf.hasArray()) {
            status = unprotectRtp(buf.array(), buf.arrayOffset() + pos, len);
        } else {
            byte[] t = directIn(len);
            buf.get(pos, t, 0, len);
            status = unprotectRtp(t, 0, len);
            if (status == SrtpStatus.OK) {
                buf.put(pos, t, 0, len - profile.srtpOverhead());
            }
        }
        if (status == SrtpStatus.OK) {
            buf.limit(pos + len - profile.srtpOverhead());
        }
        return status;
    }

    // ---------------------------------------------------------------- SRTCP

    /**
     * Protects (encrypts, E flag set) the RTCP packet {@code b[off, off+len)} in place and appends
     * the SRTCP index and tag.
     *
     * @param b   the buffer holding the packet, with tailroom after it up to {@code b.length}
     * @param off offset of the RTCP (compound) packet in {@code b}
     * @param len length of the RTCP packet in bytes
     * @return the SRTCP packet length, {@code len + profile().srtcpOverhead()}
     * @throws SrtpException if it is not an RTCP packet or {@code b} has no room for the trailer
     * @throws IndexOutOfBoundsException if {@code b[off, off+len)} is not within {@code b}
     */
    public int protectRtcp(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len < 8 || (b[off] & 0xc0) != 0x80) {
            throw new SrtpException("not an RTCP version 2 packet");
        }
        if (b.length - off - len < profile.srtcpOverhead()) {
            throw new SrtpException("need " + profile.srtcpOverhead() + " bytes of tailroom for the SRTCP trailer");
        }
        int ssrc = PacketCrypto.getInt(b, off + 4);
        SrtpStream s = rtcpOutStreams.get(ssrc);
        if (s == null) {
            s = newLocalStream(rtcpOutStreams, ssrc);
        }
        int index = s.nextSrtcpIndex;
        s.nextSrtcpIndex = (index + 1) & 0x7fffffff;
        int n = rtcpOut.protectRtcp(b, off, len, ssrc, index);
        counters.rtcpProtected++;
        return n;
    }

    /**
     * Protects the RTCP packet between {@code buf}'s position and limit, heap or direct; the limit
     * moves past the trailer. The position is unchanged.
     *
     * @param buf the RTCP packet between position and limit, with at least
     *            {@link SrtpProfile#srtcpOverhead()} bytes of capacity after the limit
     * @return the SRTCP packet length
     * @throws SrtpException if it is not an RTCP packet or the buffer has no room for the trailer
     */
    public int protectRtcp(ByteBuffer buf) {
        int pos = buf.position();
        int len = buf.remaining();
        checkTailroom(buf, profile.srtcpOverhead());
        int n;
        if (buf.hasArray()) {
            n = protectRtcp(buf.array(), buf.arrayOffset() + pos, len);
            buf.limit(pos + n);
        } else {
            byte[] t = directOut(len + profile.srtcpOverhead());
            buf.get(pos, t, 0, len);
            n = protectRtcp(t, 0, len);
            buf.limit(pos + n);
            buf.put(pos, t, 0, n);
        }
        return n;
    }

    /**
     * Authenticates, replay-checks and decrypts the SRTCP packet {@code b[off, off+len)} in
     * place. On {@link SrtpStatus#OK} the RTCP packet is
     * {@code b[off, off + len - profile().srtcpOverhead())}.
     *
     * @param b   the buffer holding the packet
     * @param off offset of the SRTCP packet in {@code b}
     * @param len length of the SRTCP packet in bytes, index word and tag included
     * @return {@link SrtpStatus#OK}, or why the packet must be dropped (its bytes then unchanged)
     * @throws IndexOutOfBoundsException if {@code b[off, off+len)} is not within {@code b}
     */
    public SrtpStatus unprotectRtcp(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len < 8 + profile.srtcpOverhead()) {
            return counters.rtcp(SrtpStatus.TOO_SHORT);
        }
        if ((b[off] & 0xc0) != 0x80) {
            return counters.rtcp(SrtpStatus.MALFORMED);
        }
        int ssrc = PacketCrypto.getInt(b, off + 4);
        int eIndex = PacketCrypto.getInt(b, off + rtcpIn.srtcpIndexPosition(len));
        long index = eIndex & 0x7fffffffL;
        SrtpStream s = rtcpInStreams.get(ssrc);
        if (s == null) {
            if (rtcpInStreams.isFull()) {
                return counters.rtcp(SrtpStatus.SSRC_LIMIT);
            }
        } else {
            int replay = s.window.check(index);
            if (replay != ReplayWindow.NEW) {
                return counters.rtcp(replay == ReplayWindow.DUPLICATE ? SrtpStatus.REPLAYED : SrtpStatus.TOO_OLD);
            }
        }
        if (!rtcpIn.unprotectRtcp(b, off, len, ssrc, eIndex)) {
            return counters.rtcp(SrtpStatus.AUTH_FAILED);
        }
        if (s == null) {
            s = new SrtpStream(ssrc, config.srtcpReplayWindow());
            rtcpInStreams.put(s);
        }
        s.window.accept(index);
        return counters.rtcp(SrtpStatus.OK);
    }

    /**
     * Unprotects the SRTCP packet between {@code buf}'s position and limit, heap or direct. On
     * {@link SrtpStatus#OK} the limit moves back over the trailer; otherwise the buffer is
     * unchanged.
     *
     * @param buf the SRTCP packet between position and limit
     * @return {@link SrtpStatus#OK}, or why the packet must be dropped
     */
    public SrtpStatus unprotectRtcp(ByteBuffer buf) {
        int pos = buf.position();
        int len = buf.remaining();
        SrtpStatus status;
        if (buf.hasArray()) {
            status = unprotectRtcp(buf.array(), buf.arrayOffset() + pos, len);
        } else {
            byte[] t = directIn(len);
            buf.get(pos, t, 0, len);
            status = unprotectRtcp(t, 0, len);
            if (status == SrtpStatus.OK) {
                buf.put(pos, t, 0, len - profile.srtcpOverhead());
            }
        }
        if (status == SrtpStatus.OK) {
            buf.limit(pos + len - profile.srtcpOverhead());
        }
        return status;
    }

    /** Test hook: the SRTCP index the next protected packet of {@code ssrc} gets. */
    void setNextSrtcpIndex(int ssrc, int index) {
        SrtpStream s = rtcpOutStreams.get(ssrc);
        if (s == null) {
            s = newLocalStream(rtcpOutStreams, ssrc);
        }
        s.nextSrtcpIndex = index & 0x7fffffff;
    }

    // ---------------------------------------------------------------- helpers

    private static SrtpStream newLocalStream(SsrcTable table, int ssrc) {
        if (table.isFull()) {
            throw new SrtpException("more than " + MAX_LOCAL_SSRCS + " local SSRCs");
        }
        SrtpStream s = new SrtpStream(ssrc, 0);
        table.put(s);
        return s;
    }

    /**
     * Length of the RTP header (fixed part, CSRCs, extension) of the packet at {@code off}, or -1
     * if it does not fit in {@code limit} bytes.
     */
    static int rtpHeaderLength(byte[] b, int off, int limit) {
        int hdr = 12 + 4 * (b[off] & 0x0f);
        if (hdr > limit) {
            return -1;
        }
        if ((b[off] & 0x10) != 0) {
            if (hdr + 4 > limit) {
                return -1;
            }
            int words = (b[off + hdr + 2] & 0xff) << 8 | (b[off + hdr + 3] & 0xff);
            hdr += 4 + 4 * words;
            if (hdr > limit) {
                return -1;
            }
        }
        return hdr;
    }

    private static void checkTailroom(ByteBuffer buf, int needed) {
        if (buf.capacity() - buf.limit() < needed) {
            throw new SrtpException("need " + needed + " bytes of capacity after the limit for the SRTP trailer");
        }
    }

    private byte[] directOut(int length) {
        if (directOut.length < length) {
            directOut = new byte[Math.max(length, 2048)];
        }
        return directOut;
    }

    private byte[] directIn(int length) {
        if (directIn.length < length) {
            directIn = new byte[Math.max(length, 2048)];
        }
        return directIn;
    }
}
