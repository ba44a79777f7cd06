package org.rtc4j.rtp.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rtc4j.rtp.RtpParseException;

/**
 * H.265/HEVC (RFC 7798, without DONL: sprop-max-don-diff = 0). The payloader takes one Annex-B
 * access unit, drops access unit delimiters, repeats the last VPS/SPS/PPS before IRAP pictures
 * that lack them, aggregates small NAL units into Aggregation Packets (type 48) and fragments
 * large ones into Fragmentation Units (type 49). The depacketizer emits Annex-B with 4-byte start
 * codes.
 */
public final class H265Payloader implements Payloader, Depacketizer {
    /** Creates a payloader and depacketizer that have seen no VPS/SPS/PPS yet. */
    public H265Payloader() {
    }

    static final int AP = 48;
    static final int FU = 49;
    static final int PACI = 50;
    private static final byte[] START_CODE = {0, 0, 0, 1};
    private static final int VPS = 32;
    private static final int SPS = 33;
    private static final int PPS = 34;
    private static final int AUD = 35;
    private final byte[][] parameterSets = new byte[3][];

    static int type(byte[] b, int off) {
        return (b[off] >>> 1) & 0x3F;
    }

    static boolean isIrap(int type) {
        return type >= 16 && type <= 21;
    }

    @Override
    public List<byte[]> payload(int maxPayload, byte[] frame, int off, int len) {
        if (maxPayload < 8) {
            throw new IllegalArgumentException("payload limit " + maxPayload);
        }
        List<byte[]> nals = new ArrayList<>();
        boolean irap = false;
        boolean[] present = new boolean[3];
        for (int[] n : NalUnits.split(frame, off, len)) {
            if (n[1] < 2) {
                continue;
            }
            int t = type(frame, n[0]);
            if (t == AUD) {
                continue;
            }
            byte[] nal = Arrays.copyOfRange(frame, n[0], n[0] + n[1]);
            if (t >= VPS && t <= PPS) {
                parameterSets[t - VPS] = nal;
                present[t - VPS] = true;
            }
            irap |= isIrap(t);
            nals.add(nal);
        }
        if (irap) {
            for (int k = 2; k >= 0; k--) {
                if (!present[k] && parameterSets[k] != null) {
                    nals.add(0, parameterSets[k]);
                }
            }
        }
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        while (i < nals.size()) {
            int size = 2;
            int j = i;
            while (j < nals.size() && size + 2 + nals.get(j).length <= maxPayload) {
                size += 2 + nals.get(j).length;
                j++;
            }
            if (j - i >= 2) {
                out.add(aggregate(nals.subList(i, j), size));
                i = j;
            } else if (nals.get(i).length <= maxPayload) {
                out.add(nals.get(i++));
            } else {
                fragment(nals.get(i++), maxPayload, out);
            }
        }
        return out;
    }

    private static byte[] aggregate(List<byte[]> nals, int size) {
        byte[] p = new byte[size];
        int layer = 63;
        int tid = 7;
        for (byte[] n : nals) {
            layer = Math.min(layer, ((n[0] & 0x01) << 5) | ((n[1] & 0xFF) >>> 3));
            tid = Math.min(tid, n[1] & 0x07);
        }
        p[0] = (byte) ((AP << 1) | (layer >>> 5));
        p[1] = (byte) (((layer & 0x1F) << 3) | tid);
        int k = 2;
        for (byte[] n : nals) {
            p[k] = (byte) (n.length >>> 8);
            p[k + 1] = (byte) n.length;
            System.arraycopy(n, 0, p, k + 2, n.length);
            k += 2 + n.length;
        }
        return p;
    }

    private static void fragment(byte[] nal, int maxPayload, List<byte[]> out) {
        int chunk = maxPayload - 3;
        int t = type(nal, 0);
        for (int p = 2; p < nal.length; p += chunk) {
            int n = Math.min(chunk, nal.length - p);
            byte[] pkt = new byte[3 + n];
            pkt[0] = (byte) ((nal[0] & 0x81) | (FU << 1));
            pkt[1] = nal[1];
            pkt[2] = (byte) ((p == 2 ? 0x80 : 0) | (p + n == nal.length ? 0x40 : 0) | t);
            System.arraycopy(nal, p, pkt, 3, n);
            out.add(pkt);
        }
    }

    @Override
    public boolean isFrameStart(byte[] b, int off, int len) {
        if (len < 2) {
            return false;
        }
        return type(b, off) != FU || (len >= 3 && (b[off + 2] & 0x80) != 0);
    }

    @Override
    public boolean isKeyFrame(byte[] b, int off, int len) {
        if (len < 2) {
            return false;
        }
        int t = type(b, off);
        if (t == AP) {
            for (int k = off + 2; k + 3 < off + len;) {
                int n = ((b[k] & 0xFF) << 8) | (b[k + 1] & 0xFF);
                if (n >= 2 && k + 2 + n <= off + len) {
                    int nt = type(b, k + 2);
                    if (isIrap(nt) || nt == VPS || nt == SPS) {
                        return true;
                    }
                }
                k += 2 + n;
            }
            return false;
        }
        if (t == FU) {
            return len >= 3 && (b[off + 2] & 0x80) != 0 && isIrap(b[off + 2] & 0x3F);
        }
        return isIrap(t) || t == VPS || t == SPS;
    }

    @Override
    public byte[] depacketize(List<byte[]> payloads) throws RtpParseException {
        FrameBuffer out = new FrameBuffer();
        boolean inFragment = false;
        for (byte[] p : payloads) {
            if (p.length < 2) {
                throw new RtpParseException("H.265 payload shorter than its header");
            }
            int t = type(p, 0);
            if (t == AP) {
                int k = 2;
                while (k < p.length) {
                    if (k + 2 > p.length) {
                        throw new RtpParseException("AP size truncated");
                    }
                    int n = ((p[k] & 0xFF) << 8) | (p[k + 1] & 0xFF);
                    if (n < 2 || k + 2 + n > p.length) {
                        throw new RtpParseException("AP NAL unit truncated");
                    }
                    out.write(START_CODE, 0, 4);
                    out.write(p, k + 2, n);
                    k += 2 + n;
                }
                inFragment = false;
            } else if (t == FU) {
                if (p.length < 4) {
                    throw new RtpParseException("FU truncated");
                }
                if ((p[2] & 0x80) != 0) {
                    out.write(START_CODE, 0, 4);
                    out.write((p[0] & 0x81) | ((p[2] & 0x3F) << 1));
                    out.write(p[1]);
                } else if (!inFragment) {
                    throw new RtpParseException("FU continuation without a start fragment");
                }
                out.write(p, 3, p.length - 3);
                inFragment = (p[2] & 0x40) == 0;
            } else if (t == PACI || t > PACI) {
                throw new RtpParseException("unsupported H.265 packet type " + t);
            } else {
                out.write(START_CODE, 0, 4);
                out.write(p, 0, p.length);
                inFragment = false;
            }
        }
        return out.toByteArray();
    }
}
