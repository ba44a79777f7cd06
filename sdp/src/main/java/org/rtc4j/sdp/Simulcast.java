package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=simulcast:send <streams> [recv <streams>]} (RFC 8853). Streams are separated by
 * {@code ;}; each stream is a list of alternative rids separated by {@code ,}; {@code ~} marks a
 * paused rid.
 *
 * @param send the send streams (each a list of alternatives), empty if none
 * @param recv the receive streams, empty if none
 */
public record Simulcast(List<List<Stream>> send, List<List<Stream>> recv) implements AttributeValue {

    /**
     * One rid inside a simulcast stream list.
     *
     * @param rid    the rid, matching an {@code a=rid} line of the same section
     * @param paused true if the rid was written with a {@code ~} prefix (paused)
     */
    public record Stream(String rid, boolean paused) {
        @Override
        public String toString() {
            return paused ? "~" + rid : rid;
        }
    }

    /**
     * Copies the stream lists into immutable lists.
     *
     * @param send the send streams
     * @param recv the receive streams
     * @throws NullPointerException if a list is null or contains null
     */
    public Simulcast {
        send = send.stream().map(List::copyOf).toList();
        recv = recv.stream().map(List::copyOf).toList();
    }

    /**
     * Parses the attribute value. {@code send} and {@code recv} may come in either order.
     *
     * @param value the text after {@code a=simulcast:}, e.g. {@code send 1;~2;3}
     * @return the simulcast attribute
     * @throws SdpParseException if there are not two or four fields, a direction is not
     *                           {@code send} or {@code recv} or is repeated, or a rid is malformed
     *                           (line number 0)
     */
    public static Simulcast parse(String value) throws SdpParseException {
        List<String> f = Fields.split(value);
        if (f.size() != 2 && f.size() != 4) {
            throw SdpParseException.of("simulcast needs send|recv <streams> [send|recv <streams>]");
        }
        List<List<Stream>> send = List.of();
        List<List<Stream>> recv = List.of();
        boolean seenSend = false;
        boolean seenRecv = false;
        for (int i = 0; i < f.size(); i += 2) {
            String dir = f.get(i);
            if (dir.equals("send") && !seenSend) {
                seenSend = true;
                send = streams(f.get(i + 1));
            } else if (dir.equals("recv") && !seenRecv) {
                seenRecv = true;
                recv = streams(f.get(i + 1));
            } else {
                throw SdpParseException.of("simulcast direction must be send or recv, once each, got \"" + dir + "\"");
            }
        }
        return new Simulcast(send, recv);
    }

    private static List<List<Stream>> streams(String text) throws SdpParseException {
        List<List<Stream>> out = new ArrayList<>();
        for (String alt : Fields.splitOn(text, ';')) {
            List<Stream> alts = new ArrayList<>();
            for (String id : Fields.splitOn(alt, ',')) {
                boolean paused = id.startsWith("~");
                String rid = paused ? id.substring(1) : id;
                Rid.checkId(rid);
                alts.add(new Stream(rid, paused));
            }
            out.add(alts);
        }
        return out;
    }

    /** @return every send rid in order, alternatives flattened */
    public List<String> sendRids() {
        return send.stream().flatMap(List::stream).map(Stream::rid).toList();
    }

    /** @return every receive rid in order, alternatives flattened */
    public List<String> recvRids() {
        return recv.stream().flatMap(List::stream).map(Stream::rid).toList();
    }

    @Override
    public String attributeName() {
        return "simulcast";
    }

    @Override
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (!send.isEmpty()) {
            sb.append("send ").append(formatStreams(send));
        }
        if (!recv.isEmpty()) {
            sb.append(sb.length() > 0 ? " " : "").append("recv ").append(formatStreams(recv));
        }
        return sb.toString();
    }

    private static String formatStreams(List<List<Stream>> streams) {
        List<String> parts = new ArrayList<>();
        for (List<Stream> alts : streams) {
            parts.add(String.join(",", alts.stream().map(Stream::toString).toList()));
        }
        return String.join(";", parts);
    }
}
