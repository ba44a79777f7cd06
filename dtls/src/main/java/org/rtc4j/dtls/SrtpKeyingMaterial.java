package org.rtc4j.dtls;

import java.util.Arrays;

/**
 * SRTP master keys and salts exported from a DTLS handshake with the {@code EXTRACTOR-dtls_srtp}
 * label (RFC 5764 section 4.2), split per side. The exported block is laid out as
 * client key | server key | client salt | server salt.
 *
 * <p>The endpoint that was the DTLS client protects what it sends with the client key and salt and
 * unprotects what it receives with the server's; {@link #localKey(DtlsRole)} and friends pick the
 * right half for a role.
 */
public final class SrtpKeyingMaterial {
    private final SrtpProfile profile;
    private final byte[] clientKey;
    private final byte[] serverKey;
    private final byte[] clientSalt;
    private final byte[] serverSalt;

    private SrtpKeyingMaterial(SrtpProfile profile, byte[] clientKey, byte[] serverKey,
            byte[] clientSalt, byte[] serverSalt) {
        this.profile = profile;
        this.clientKey = clientKey;
        this.serverKey = serverKey;
        this.clientSalt = clientSalt;
        this.serverSalt = serverSalt;
    }

    /**
     * Splits an exported block for a profile. The block is copied.
     *
     * @param profile  the negotiated SRTP profile
     * @param exported the {@code EXTRACTOR-dtls_srtp} exporter output
     * @return the keys and salts of both sides
     * @throws IllegalArgumentException if the block is not {@link SrtpProfile#keyingMaterialLength()}
     *                                  long
     */
    public static SrtpKeyingMaterial split(SrtpProfile profile, byte[] exported) {
        int k = profile.keyLength();
        int s = profile.saltLength();
        if (exported.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException("expected " + profile.keyingMaterialLength()
                    + " bytes of keying material for " + profile + ", got " + exported.length);
        }
        return new SrtpKeyingMaterial(profile,
                Arrays.copyOfRange(exported, 0, k),
                Arrays.copyOfRange(exported, k, 2 * k),
                Arrays.copyOfRange(exported, 2 * k, 2 * k + s),
                Arrays.copyOfRange(exported, 2 * k + s, 2 * k + 2 * s));
    }

    /**
     * The negotiated profile these keys are for.
     *
     * @return the profile, which fixes the key and salt lengths
     */
    public SrtpProfile profile() {
        return profile;
    }

    /**
     * The DTLS client's master key (copy).
     *
     * @return {@link SrtpProfile#keyLength()} bytes
     */
    public byte[] clientMasterKey() {
        return clientKey.clone();
    }

    /**
     * The DTLS server's master key (copy).
     *
     * @return {@link SrtpProfile#keyLength()} bytes
     */
    public byte[] serverMasterKey() {
        return serverKey.clone();
    }

    /**
     * The DTLS client's master salt (copy).
     *
     * @return {@link SrtpProfile#saltLength()} bytes
     */
    public byte[] clientMasterSalt() {
        return clientSalt.clone();
    }

    /**
     * The DTLS server's master salt (copy).
     *
     * @return {@link SrtpProfile#saltLength()} bytes
     */
    public byte[] serverMasterSalt() {
        return serverSalt.clone();
    }

    /**
     * Master key for what an endpoint in {@code role} sends.
     *
     * @param role the endpoint's DTLS role
     * @return a copy of the client key for {@link DtlsRole#CLIENT}, else of the server key
     */
    public byte[] localKey(DtlsRole role) {
        return role == DtlsRole.CLIENT ? clientMasterKey() : serverMasterKey();
    }

    /**
     * Master salt for what an endpoint in {@code role} sends.
     *
     * @param role the endpoint's DTLS role
     * @return a copy of the client salt for {@link DtlsRole#CLIENT}, else of the server salt
     */
    public byte[] localSalt(DtlsRole role) {
        return role == DtlsRole.CLIENT ? clientMasterSalt() : serverMasterSalt();
    }

    /**
     * Master key for what an endpoint in {@code role} receives.
     *
     * @param role the endpoint's DTLS role
     * @return a copy of the server key for {@link DtlsRole#CLIENT}, else of the client key
     */
    public byte[] remoteKey(DtlsRole role) {
        return role == DtlsRole.CLIENT ? serverMasterKey() : clientMasterKey();
    }

    /**
     * Master salt for what an endpoint in {@code role} receives.
     *
     * @param role the endpoint's DTLS role
     * @return a copy of the server salt for {@link DtlsRole#CLIENT}, else of the client salt
     */
    public byte[] remoteSalt(DtlsRole role) {
        return role == DtlsRole.CLIENT ? serverMasterSalt() : clientMasterSalt();
    }

    /**
     * The exported block again, in RFC 5764 order (what OpenSSL prints as "Keying material").
     *
     * @return a fresh array of {@link SrtpProfile#keyingMaterialLength()} bytes
     */
    public byte[] toExportedBytes() {
        byte[] out = new byte[profile.keyingMaterialLength()];
        int k = profile.keyLength();
        int s = profile.saltLength();
        System.arraycopy(clientKey, 0, out, 0, k);
        System.arraycopy(serverKey, 0, out, k, k);
        System.arraycopy(clientSalt, 0, out, 2 * k, s);
        System.arraycopy(serverSalt, 0, out, 2 * k + s, s);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpKeyingMaterial other && profile == other.profile
                && Arrays.equals(toExportedBytes(), other.toExportedBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toExportedBytes());
    }

    /** Names the profile only: key bytes never go to logs. */
    @Override
    public String toString() {
        return "SrtpKeyingMaterial[" + profile + "]";
    }
}
