package org.rtc4j.media;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.rtc4j.EncodedFrame;
import org.rtc4j.RTCRtpCodecCapability;
import org.rtc4j.RemoteTrack;
import org.rtc4j.rtp.SequenceUnwrapper;
import org.rtc4j.rtp.media.AnnexBWriter;
import org.rtc4j.rtp.media.G711;
import org.rtc4j.rtp.media.IvfWriter;
import org.rtc4j.rtp.media.OggOpusWriter;
import org.rtc4j.rtp.media.OpusHead;
import org.rtc4j.rtp.media.OpusToc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a {@link RemoteTrack} into the container its codec needs: IVF for VP8, VP9 and AV1
 * (presentation times from the RTP timestamps), Annex-B for H.264, Ogg for Opus (a lost stretch
 * filled with Opus silence frames so the timeline stays), WAV for PCMU/PCMA (decoded to 16-bit
 * PCM, silence where packets were lost). Video starts at the first key frame. Writing happens on
 * a thread of the recorder's own, never on the connection's loop; {@link #close()} finishes the
 * file so that players accept it.
 */
public final class MediaFileRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaFileRecorder.class);
    // An Opus CELT 20 ms frame of silence (TOC 0xF8: fullband, mono, one frame).
    private static final byte[] OPUS_SILENCE = {(byte) 0xF8, (byte) 0xFF, (byte) 0xFE};
    private static final int MAX_GAP_FILL_MICROS = 10_000_000;

    private final Path file;
    private final ExecutorService writer;
    private final AtomicLong framesWritten = new AtomicLong();
    private final SequenceUnwrapper timestamps = SequenceUnwrapper.forTimestamps();
    private volatile IOException failure;
    private volatile boolean closed;
    private String codec;
    private int clockRate;
    private long firstTs = -1;
    private long nextTs = -1;
    private IvfWriter ivf;
    private AnnexBWriter annexB;
    private OggOpusWriter ogg;
    private FileChannel wav;
    private long wavBytes;
    private long lastPts;
    private int vp8Width;
    private int vp8Height;
    private OutputStream out;

    private MediaFileRecorder(Path file) {
        this.file = file;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rtc4j-recorder-" + file.getFileName());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Records {@code track} into {@code file} (created or replaced). The container follows the
     * codec of the first frame; frames of a codec that has none here end the recording with an
     * error (see {@link #failure()}). It becomes the track's {@link RemoteTrack#onFrame} listener,
     * replacing any other.
     *
     * @param track the track to record; not null
     * @param file  where to write; not null
     * @return the recorder, recording from the track's next frame
     */
    public static MediaFileRecorder record(RemoteTrack track, Path file) {
        Objects.requireNonNull(track, "track");
        MediaFileRecorder r = new MediaFileRecorder(Objects.requireNonNull(file, "file"));
        track.onFrame(f -> r.offer(track, f));
        return r;
    }

    /**
     * Frames written so far.
     *
     * @return the number of frames written to the file
     */
    public long framesWritten() {
        return framesWritten.get();
    }

    /**
     * The error that stopped the recording, or null.
     *
     * @return the error (another exception is wrapped in an {@link IOException}), or null while
     *         the recording goes well
     */
    public IOException failure() {
        return failure;
    }

    /**
     * The file.
     *
     * @return the path being written
     */
    public Path file() {
        return file;
    }

    private void offer(RemoteTrack track, EncodedFrame f) {
        if (closed || failure != null) {
            return;
        }
        RTCRtpCodecCapability c = track.codec();
        writer.execute(() -> {
            try {
                write(c, f);
            } catch (IOException | RuntimeException e) {
                LOG.warn("recording to {} stopped: {}", file, e.toString());
                failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        });
    }

    private void write(RTCRtpCodecCapability c, EncodedFrame f) throws IOException {
        if (failure != null || c == null) {
            return;
        }
        String name = c.name().toUpperCase(Locale.ROOT);
        if (codec == null) {
            if (c.kind().equals("video") && !f.keyFrame()) {
                return; // a decoder needs a key frame to start
            }
            open(name, c);
        } else if (!codec.equals(name)) {
            throw new IOException("the track changed codec from " + codec + " to " + name);
        }
        long ts = timestamps.unwrap(f.rtpTimestamp());
        if (firstTs < 0) {
            firstTs = ts;
            nextTs = ts;
        }
        switch (name) {
            case "VP8": case "VP9": case "AV1":
                if (name.equals("VP8") && vp8Width == 0 && f.keyFrame() && f.data().length >= 10) {
                    byte[] d = f.data();
                    vp8Width = ((d[6] & 0xFF) | (d[7] & 0xFF) << 8) & 0x3FFF;
                    vp8Height = ((d[8] & 0xFF) | (d[9] & 0xFF) << 8) & 0x3FFF;
                }
                lastPts = ts - firstTs;
                ivf.writeFrame(lastPts, f.data());
                break;
            case "H264":
                annexB.writeAccessUnit(f.data());
                break;
            case "OPUS": {
                long gap = ts - nextTs;
                if (gap >= 960 && gap * 1_000_000 / clockRate <= MAX_GAP_FILL_MICROS) {
                    for (long i = 0; i < gap / 960; i++) {
                        ogg.writePacket(OPUS_SILENCE);
                    }
                }
                ogg.writePacket(f.data());
                nextTs = ts + OpusToc.samples48k(f.data(), 0, f.data().length);
                break;
            }
            case "PCMU": case "PCMA": {
                long gap = ts - nextTs;
                if (gap > 0 && gap * 1_000_000 / clockRate <= MAX_GAP_FILL_MICROS) {
                    writeWav(new short[(int) gap]);
                }
                short[] pcm = name.equals("PCMU") ? G711.decodeUlaw(f.data()) : G711.decodeAlaw(f.data());
                writeWav(pcm);
                nextTs = ts + f.data().length;
                break;
            }
            default:
                throw new IOException("no container for " + c.mimeType());
        }
        framesWritten.incrementAndGet();
    }

    private void open(String name, RTCRtpCodecCapability c) throws IOException {
        codec = name;
        clockRate = c.clockRate();
        switch (name) {
            case "VP8": case "VP9": case "AV1": {
                out = new BufferedOutputStream(Files.newOutputStream(file));
                String fourcc = name.equals("VP8") ? "VP80" : name.equals("VP9") ? "VP90" : "AV01";
                // The header's size is informative; decoders take it from the bitstream.
                ivf = new IvfWriter(out, fourcc, 0, 0, 90000, 1, 0);
                break;
            }
            case "H264":
                out = new BufferedOutputStream(Files.newOutputStream(file));
                annexB = new AnnexBWriter(out);
                break;
            case "OPUS":
                out = new BufferedOutputStream(Files.newOutputStream(file));
                ogg = new OggOpusWriter(out, OpusHead.of(Math.max(1, Math.min(2, c.channels())), 48000),
                        System.nanoTime(), "rtc4j");
                break;
            case "PCMU": case "PCMA":
                wav = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                wav.write(wavHeader(0));
                break;
            default:
                throw new IOException("no container for " + c.mimeType());
        }
    }

    // The IVF header is written before the first frame. Its length field is filled in as
    // ffmpeg's own IVF muxer does, with the duration in time-base units (frames x the mean frame
    // interval), which is what ffmpeg's demuxer reads back; and, for VP8, the size its key frame
    // states (RFC 6386 §9.1).
    private void patchIvfHeader() throws IOException {
        long n = framesWritten.get();
        long span = lastPts;
        long length = n > 1 ? n * span / (n - 1) : n;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer count = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) length);
            count.flip();
            ch.write(count, 24);
            if (vp8Width > 0) {
                ByteBuffer size = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                        .putShort((short) vp8Width).putShort((short) vp8Height);
                size.flip();
                ch.write(size, 12);
            }
        }
    }

    private void writeWav(short[] pcm) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : pcm) {
            b.putShort(s);
        }
        b.flip();
        while (b.hasRemaining()) {
            wav.write(b);
        }
        wavBytes += pcm.length * 2L;
    }

    private static ByteBuffer wavHeader(long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) (36 + dataBytes)).put(new byte[] {'W', 'A', 'V', 'E'});
        h.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000)
                .putInt(16000).putShort((short) 2).putShort((short) 16);
        h.put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) dataBytes);
        h.flip();
        return h;
    }

    /** Stops recording and finishes the file (final Ogg page, WAV sizes). Safe to call twice. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        writer.execute(this::finish);
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void finish() {
        try {
            if (ogg != null) {
                ogg.close();
            } else if (ivf != null) {
                ivf.close();
                patchIvfHeader();
            } else if (annexB != null) {
                annexB.close();
            } else if (wav != null) {
                wav.write(wavHeader(wavBytes), 0);
                wav.close();
            }
        } catch (IOException e) {
            failure = e;
        }
    }
}
