/**
 * {@code RTCPeerConnection} and its W3C companions, the media tracks and files, and the Netty
 * transport that carries them.
 *
 * <p>{@code org.rtc4j.jsep} (how descriptions are planned and written) is internal and not
 * exported. {@code org.rtc4j.dtls} (certificates, SRTP profiles) and Netty's transport (an
 * application may lend its own event loops) come with this module, since its API names their
 * types.
 */
module org.rtc4j.core {
    requires transitive org.rtc4j.dtls;
    requires transitive io.netty.transport;
    requires org.rtc4j.sdp;
    requires org.rtc4j.ice;
    requires org.rtc4j.srtp;
    requires org.rtc4j.rtp;
    requires org.rtc4j.sctp;
    requires org.slf4j;
    requires com.fasterxml.jackson.core;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport.classes.epoll;
    requires io.netty.transport.unix.common;

    exports org.rtc4j;
    exports org.rtc4j.media;
    exports org.rtc4j.transport;
}
