/**
 * SDP (RFC 8866): parser, formatter, the typed JSEP model and its builders. No dependencies.
 */
module org.rtc4j.sdp {
    exports org.rtc4j.sdp;
}
