package org.rtc4j.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rtc4j.rtp.RtpParseException;

/**
 * H.264 (RFC 6184, packetization-mode 1). The payloader takes one Annex-B access unit, drops
 * access unit delimiters and filler, prepends the last seen SPS/PPS to IDR access units that lack
 * them (so every key frame is decodable on its own), aggregates consecutive small NAL units into
 * STAP-A packets and fragments large ones into FU-A. The depacketizer accepts single NAL, STAP-A
 * and FU-A packets and emits an Annex-B access unit with 4-byte start codes.
 */
public final class H264Payloader implements Payloader, Depacketizer {
    /** Creates a payloader and depacketizer that have seen no SPS/PPS yet. */
    public H264Payloader() {
    }

    static final int STAP_A = 24;
    static final int FU_A = 28;
    private static final byte[] START_CODE = {0, 0, 0, 1};
    private byte[] sps;
    private byte[] pps;

    @Override
    public List<byte[]> payload(int maxPayload, byte[] frame, int off, int len) {
        if (maxPayload < 8) {
            throw new IllegalArgumentException("payload limit " + maxPayload);
        }
        List<byte[]> nals = new ArrayList<>();
        boolean hasIdr = false;
        boolean hasSps = false;
        boolean hasPps = false;
        for (int[] n : NalUnits.split(frame, off, len)) {
            int type = frame[n[0]] & 0x1F;
            if (type == 9 || type == 12) {
                continue;
            }
            byte[] nal = Arrays.copyOfRange(frame, n[0], n[0] + n[1]);
            if (type == 7) {
                sps = nal;
                hasSps = true;
            } else if (type == 8) {
                pps = nal;
                hasPps = true;
            } else if (type == 5) {
                hasIdr = true;
            }
            nals.add(nal);
        }
        if (hasIdr && !hasPps && pps != null) {
            nals.add(0, pps);
        }
        if (hasIdr && !hasSps && sps != null) {
            nals.add(0, sps);
        }
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        while (i < nals.size()) {
            // aggregate as many following NAL units as fit in one STAP-A
            int size = 1;
            int j = i;
            while (j < nals.size() && size + 2 + nals.get(j).length <= maxPayload) {
                size += 2 + nals.get(j).length;
                j++;
            }
            if (j - i >= 2) {
                out.add(stapA(nals.subList(i, j), size));
                i = j;
            } else if (nals.get(i).length <= maxPayload) {
                out.add(nals.get(i));
                i++;
            } else {
                fuA(nals.get(i), maxPayload, out);
                i++;
            }
        }
        return out;
    }

    private static byte[] stapA(List<byte[]> nals, int size) {
        byte[] p = new byte[size];
        int nri = 0;
        for (byte[] n : nals) {
            nri = Math.max(nri, n[0] & 0x60);
        }
        p[0] = (byte) (nri | STAP_A);
        int k = 1;
        for (byte[] n : nals) {
            p[k] = (byte) (n.length >>> 8);
            p[k + 1] = (byte) n.length;
            System.arraycopy(n, 0, p, k + 2, n.length);
            k += 2 + n.length;
        }
        return p;
    }

    private static void fuA(byte[] nal, int maxPayload, List<byte[]> out) {
        int chunk = maxPayload - 2;
        int indicator = (nal[0] & 0xE0) | FU_A;
        int type = nal[0] & 0x1F;
        for (int p = 1; p < nal.length; p += chunk) {
            int n = Math.min(chunk, nal.length - p);
            byte[] pkt = new byte[2 + n];
            pkt[0] = (byte) indicator;
            pkt[1] = (byte) ((p == 1 ? 0x80 : 0) | (p + n == nal.length ? 0x40 : 0) | type);
            System.arraycopy(nal, p, pkt, 2, n);
            out.add(pkt);
        }
    }

    @Override
    public boolean isFrameStart(byte[] b, int off, int len) {
        if (len < 1) {
            return false;
        }
        int type = b[off] & 0x1F;
        return type != FU_A || (len >= 2 && (b[off + 1] & 0x80) != 0);
    }

    @Override
    public boolean isKeyFrame(byte[] b, int off, int len) {
        if (len < 1) {
            return false;
        }
        int type = b[off] & 0x1F;
        if (type == STAP_A) {
            for (int k = off + 1; k + 2 < off + len;) {
                int n = ((b[k] & 0xFF) << 8) | (b[k + 1] & 0xFF);
                if (n > 0 && k + 2 + n <= off + len) {
                    int t = b[k + 2] & 0x1F;
                    if (t == 5 || t == 7) {
                        return true;
                    }
                }
                k += 2 + n;
            }
            return false;
        }
        if (type == FU_A) {
            return len >= 2 && (b[off + 1] & 0x80) != 0 && (b[off + 1] & 0x1F) == 5;
        }
        return type == 5 || type == 7;
    }

    @Override
    public byte[] depacketize(List<byte[]> payloads) throws RtpParseException {
        FrameBuffer out = new FrameBuffer();
        boolean inFragment = false;
        for (byte[] p : payloads) {
            if (p.length < 1) {
                throw new RtpParseException("empty H.264 payload");
            }
            int type = p[0] & 0x1F;
            if (type >= 1 && type <= 23) {
                out.write(START_CODE, 0, 4);
                out.write(p, 0, p.length);
                inFragment = false;
            } else if (type == STAP_A) {
                int k = 1;
                while (k < p.length) {
                    if (k + 2 > p.length) {
                        throw new RtpParseException("STAP-A size truncated");
                    }
                    int n = ((p[k] & 0xFF) << 8) | (p[k + 1] & 0xFF);
                    if (n == 0 || k + 2 + n > p.length) {
                        throw new RtpParseException("STAP-A NAL unit truncated");
                    }
                    out.write(START_CODE, 0, 4);
                    out.write(p, k + 2, n);
                    k += 2 + n;
                }
                inFragment = false;
            } else if (type == FU_A) {
                if (p.length < 3) {
                    throw new RtpParseException("FU-A truncated");
                }
                boolean start = (p[1] & 0x80) != 0;
                if (start) {
                    out.write(START_CODE, 0, 4);
                    out.write((p[0] & 0xE0) | (p[1] & 0x1F));
                } else if (!inFragment) {
                    throw new RtpParseException("FU-A continuation without a start fragment");
                }
                out.write(p, 2, p.length - 2);
                inFragment = (p[1] & 0x40) == 0;
            } else {
                throw new RtpParseException("unsupported H.264 packet type " + type);
            }
        }
        return out.toByteArray();
    }

    /** @return the SPS last seen by the payloader, or null */
    public byte[] lastSps() {
        return sps == null ? null : sps.clone();
    }

    /** @return an Annex-B stream of the given NAL units (for tests and writers) */
    static byte[] annexB(List<byte[]> nals) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] n : nals) {
            o.writeBytes(START_CODE);
            o.writeBytes(n);
        }
        return o.toByteArray();
    }
}
