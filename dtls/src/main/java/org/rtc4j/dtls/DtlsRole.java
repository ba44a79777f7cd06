package org.rtc4j.dtls;

/**
 * Which side of the DTLS handshake an endpoint plays.
 *
 * <p>Roles follow from the {@code a=setup} values of the two descriptions (RFC 5763 section 5,
 * RFC 8842): {@code active} is the DTLS client, {@code passive} the DTLS server. An offer must say
 * {@code actpass}; the answer then says {@code active} or {@code passive} and so decides both roles.
 *
 * <table>
 * <caption>Roles by offer/answer</caption>
 * <tr><th>offer</th><th>answer</th><th>offerer is</th><th>answerer is</th></tr>
 * <tr><td>actpass</td><td>active</td><td>SERVER</td><td>CLIENT</td></tr>
 * <tr><td>actpass</td><td>passive</td><td>CLIENT</td><td>SERVER</td></tr>
 * <tr><td>active</td><td>passive</td><td>CLIENT</td><td>SERVER</td></tr>
 * <tr><td>passive</td><td>active</td><td>SERVER</td><td>CLIENT</td></tr>
 * </table>
 */
public enum DtlsRole {
    /** Sends the ClientHello ({@code a=setup:active}). */
    CLIENT,
    /** Answers the ClientHello ({@code a=setup:passive}). */
    SERVER;

    /**
     * The local DTLS role once both descriptions are known.
     *
     * @param local     the setup value in our description
     * @param remote    the setup value in the peer's description
     * @param isOfferer whether we made the offer (our {@code local} is then the offer's value)
     * @throws IllegalArgumentException if the pair cannot come from a valid offer/answer, e.g. an
     *                                  answer saying {@code actpass} or both sides {@code active}
     * @return the role this endpoint plays
     */
    public static DtlsRole fromSetup(DtlsSetup local, DtlsSetup remote, boolean isOfferer) {
        DtlsSetup offer = isOfferer ? local : remote;
        DtlsSetup answer = isOfferer ? remote : local;
        if (answer == DtlsSetup.ACTPASS) {
            throw new IllegalArgumentException("an answer must not use a=setup:actpass");
        }
        if (offer == answer) {
            throw new IllegalArgumentException("both sides use a=setup:" + offer.sdpValue());
        }
        // The answer's value decides; the offer only limits what the answer may choose.
        DtlsRole answererRole = answer == DtlsSetup.ACTIVE ? CLIENT : SERVER;
        return isOfferer ? answererRole.opposite() : answererRole;
    }

    /**
     * The other role.
     *
     * @return {@link #SERVER} for {@link #CLIENT} and vice versa
     */
    public DtlsRole opposite() {
        return this == CLIENT ? SERVER : CLIENT;
    }
}
