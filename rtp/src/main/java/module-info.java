/**
 * RTP and RTCP (RFC 3550): packets, header extensions, payloaders for the WebRTC codecs, frame
 * assembly, loss repair (NACK, RTX) and the per-stream session state, all sans-IO.
 */
module org.rtc4j.rtp {
    requires org.slf4j;

    exports org.rtc4j.rtp;
    exports org.rtc4j.rtp.codec;
    exports org.rtc4j.rtp.dtmf;
    exports org.rtc4j.rtp.ext;
    exports org.rtc4j.rtp.media;
    exports org.rtc4j.rtp.repair;
    exports org.rtc4j.rtp.rtcp;
    exports org.rtc4j.rtp.session;
}
