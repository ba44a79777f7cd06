package org.rtc4j;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A track the application feeds with encoded media, in the codec it declares. One track may be
 * added to many connections: what is written reaches every sender it is attached to, each on its
 * own connection's loop, sharing the written bytes.
 */
public abstract class LocalTrack extends MediaStreamTrack {

    private final RTCRtpCodecCapability codec;
    // Senders come and go on their loops while the application writes on its own thread.
    private final List<RTCRtpSender> senders = new CopyOnWriteArrayList<>();
    private volatile Runnable onKeyFrameRequest = () -> { };

    LocalTrack(String id, RTCRtpCodecCapability codec) {
        super(Objects.requireNonNull(codec, "codec").kind(), id);
        this.codec = codec;
    }

    /**
     * The codec the written media is encoded in; the sender negotiates it.
     *
     * @return the codec given at creation
     */
    public RTCRtpCodecCapability codec() {
        return codec;
    }

    /**
     * A peer asked for a key frame (RTCP PLI or FIR) on any connection this track is sent on.
     * Requests are passed on as they come, on the event loop of the connection that got them
     * (so, for a track on connections of several loops, possibly from several threads at once);
     * an encoder should produce one key frame soon after.
     *
     * @param listener run on each request; replaces the previous listener
     */
    public void onKeyFrameRequest(Runnable listener) {
        this.onKeyFrameRequest = Objects.requireNonNull(listener);
    }

    /** Whether media written now goes anywhere. */
    boolean writable() {
        return enabled() && readyState() == MediaStreamTrackState.LIVE && !senders.isEmpty();
    }

    List<RTCRtpSender> senders() {
        return senders;
    }

    void attach(RTCRtpSender sender) {
        if (!senders.contains(sender)) {
            senders.add(sender);
        }
    }

    void detach(RTCRtpSender sender) {
        senders.remove(sender);
    }

    void keyFrameRequested() {
        onKeyFrameRequest.run();
    }
}
