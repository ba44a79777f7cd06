package org.rtc4j.sdp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Text to lines (with the size limits), then lines to a validated {@link SessionDescription}.
 * Builders reuse the second step so what they build always parses.
 */
final class SdpParser {
    private SdpParser() {
    }

    static SessionDescription parse(byte[] bytes) throws SdpParseException {
        if (bytes.length > SessionDescription.MAX_BYTES) {
            int line = 1;
            int start = 0;
            for (int i = 0; i < SessionDescription.MAX_BYTES; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    start = i + 1;
                }
            }
            String shown = new String(bytes, start, Math.min(80, bytes.length - start), StandardCharsets.UTF_8);
            throw new SdpParseException("description is larger than 1 MiB (" + bytes.length + " bytes)", line, shown);
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) {
            r = dec.flush(out);
        }
        if (r.isError()) {
            int pos = in.position();
            int line = 1;
            int start = 0;
            for (int i = 0; i < pos; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    start = i + 1;
                }
            }
            String shown = new String(bytes, start, Math.min(pos - start + 1, 200), StandardCharsets.UTF_8);
            throw new SdpParseException("invalid UTF-8 at byte " + pos, line, shown);
        }
        out.flip();
        return parse(out.toString());
    }

    static SessionDescription parse(String text) throws SdpParseException {
        return assemble(split(text));
    }

    /** Splits CRLF or LF terminated lines, enforcing the size limits and the {@code x=} shape. */
    static List<SdpLine> split(String text) throws SdpParseException {
        if (text.isEmpty()) {
            throw new SdpParseException("description is empty", 1, "");
        }
        List<SdpLine> lines = new ArrayList<>();
        int n = text.length();
        long totalBytes = 0;
        int start = 0;
        int lineNo = 1;
        int lineBytes = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c == '\n') {
                if (i == n && start == n) {
                    break; // input ended with a terminator
                }
                int end = i > start && text.charAt(i - 1) == '\r' && i < n ? i - 1 : i;
                lines.add(line(text.substring(start, end), lineNo));
                start = i + 1;
                lineNo++;
                lineBytes = 0;
                if (i < n && ++totalBytes > SessionDescription.MAX_BYTES) {
                    throw new SdpParseException("description is larger than 1 MiB", lineNo - 1,
                            shorten(text, Math.max(0, text.lastIndexOf('\n', i - 1) + 1)));
                }
                if (lineNo > SessionDescription.MAX_LINES && start < n) {
                    throw new SdpParseException("description has more than " + SessionDescription.MAX_LINES
                            + " lines", lineNo, shorten(text, start));
                }
                continue;
            }
            int b = c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            totalBytes += b;
            if (c == '\r') {
                if (i + 1 >= n || text.charAt(i + 1) != '\n') {
                    throw new SdpParseException("carriage return without line feed inside a line", lineNo,
                            shorten(text, start));
                }
                continue; // the CR of a CRLF terminator is not part of the line
            }
            lineBytes += b;
            if (c == 0) {
                throw new SdpParseException("NUL character inside a line", lineNo, shorten(text, start));
            }
            if (lineBytes > SessionDescription.MAX_LINE_BYTES) {
                throw new SdpParseException("line is longer than " + SessionDescription.MAX_LINE_BYTES + " bytes",
                        lineNo, shorten(text, start));
            }
            if (totalBytes > SessionDescription.MAX_BYTES) {
                throw new SdpParseException("description is larger than 1 MiB", lineNo, shorten(text, start));
            }
        }
        return lines;
    }

    private static String shorten(String text, int start) {
        int end = start;
        while (end < text.length() && end - start < 200 && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(start, end);
    }

    private static SdpLine line(String s, int lineNo) throws SdpParseException {
        if (s.isEmpty()) {
            throw new SdpParseException("empty line", lineNo, s);
        }
        char type = s.charAt(0);
        if (s.length() < 2 || s.charAt(1) != '=') {
            throw new SdpParseException("expected <type>=<value>", lineNo, s);
        }
        if (!(type >= 'a' && type <= 'z' || type >= 'A' && type <= 'Z')) {
            throw new SdpParseException("line type must be a letter", lineNo, s);
        }
        return new SdpLine(type, s.substring(2));
    }

    /** Validates lines and groups them into the session section and media sections. */
    static SessionDescription assemble(List<SdpLine> lines) throws SdpParseException {
        if (lines.isEmpty()) {
            throw new SdpParseException("description is empty", 1, "");
        }
        expect(lines, 0, 'v', "first line must be v=0");
        if (!lines.get(0).value().equals("0")) {
            throw new SdpParseException("unsupported SDP version (only v=0 exists)", 1, lines.get(0).toString());
        }
        expect(lines, 1, 'o', "second line must be o=");
        expect(lines, 2, 's', "third line must be s=");
        int i = 0;
        Section session = new Section(false);
        while (i < lines.size() && lines.get(i).type() != 'm') {
            session.add(lines.get(i), i + 1);
            i++;
        }
        if (!session.seenTiming) {
            int at = Math.min(i, lines.size() - 1);
            throw new SdpParseException("session section needs a t= line before the first m=", at + 1,
                    lines.get(at).toString());
        }
        List<MediaDescription> media = new ArrayList<>();
        Map<String, Integer> mids = new HashMap<>();
        while (i < lines.size()) {
            int mLine = i + 1;
            Section section = new Section(true);
            section.add(lines.get(i), i + 1);
            i++;
            while (i < lines.size() && lines.get(i).type() != 'm') {
                section.add(lines.get(i), i + 1);
                i++;
            }
            if (section.mid != null) {
                Integer other = mids.putIfAbsent(section.mid, mLine);
                if (other != null) {
                    throw new SdpParseException("mid \"" + section.mid + "\" is already used by the m= line at line "
                            + other, section.midLine, lines.get(section.midLine - 1).toString());
                }
            }
            media.add(new MediaDescription(section.lines));
        }
        return new SessionDescription(session.lines, media);
    }

    /** Validates the lines of one media section on its own (for the media builder). */
    static MediaDescription assembleMedia(List<SdpLine> lines) throws SdpParseException {
        if (lines.isEmpty() || lines.get(0).type() != 'm') {
            throw new SdpParseException("a media section must start with m=", 1,
                    lines.isEmpty() ? "" : lines.get(0).toString());
        }
        Section section = new Section(true);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0 && lines.get(i).type() == 'm') {
                throw new SdpParseException("a media section has one m= line", i + 1, lines.get(i).toString());
            }
            section.add(lines.get(i), i + 1);
        }
        return new MediaDescription(section.lines);
    }

    private static void expect(List<SdpLine> lines, int index, char type, String reason) throws SdpParseException {
        if (index >= lines.size()) {
            throw new SdpParseException(reason + ", but the description ends", lines.size(),
                    lines.get(lines.size() - 1).toString());
        }
        if (lines.get(index).type() != type) {
            throw new SdpParseException(reason, index + 1, lines.get(index).toString());
        }
    }

    /** Per-section validation state. */
    private static final class Section {
        final boolean media;
        final List<SdpLine> lines = new ArrayList<>();
        final Set<String> singles = new HashSet<>();
        final Set<Character> singleTypes = new HashSet<>();
        final Set<Integer> rtpmapPts = new HashSet<>();
        boolean seenTiming;
        char previousType;
        String mid;
        int midLine;

        Section(boolean media) {
            this.media = media;
        }

        void add(SdpLine line, int lineNo) throws SdpParseException {
            try {
                check(line, lineNo);
            } catch (SdpParseException e) {
                throw e.lineNumber() > 0 ? e : e.at(lineNo, line.toString());
            }
            lines.add(line);
            previousType = line.type();
        }

        private void check(SdpLine line, int lineNo) throws SdpParseException {
            char t = line.type();
            String v = line.value();
            if (media && "vosuepzrt".indexOf(t) >= 0) {
                throw SdpParseException.of(t + "= is not allowed in a media section");
            }
            if ((media ? "ik" : "vosiuczk").indexOf(t) >= 0 && !singleTypes.add(t)) {
                throw SdpParseException.of(t + "= may appear only once in a " + (media ? "media" : "session")
                        + " section");
            }
            switch (t) {
                case 'o': Origin.parse(v); break;
                case 'c': Connection.parse(v); break;
                case 'b': Bandwidth.parse(v); break;
                case 't':
                    Timing.parse(v);
                    seenTiming = true;
                    break;
                case 'r':
                    if (previousType != 't' && previousType != 'r') {
                        throw SdpParseException.of("r= must follow a t= line");
                    }
                    break;
                case 'm': MediaLine.parse(v); break;
                case 'a': attribute(line.asAttribute(), lineNo); break;
                default: break;
            }
        }

        private void attribute(Attribute a, int lineNo) throws SdpParseException {
            AttributeRules.validate(a);
            String key = AttributeRules.singleKey(a.name());
            if (key != null && !singles.add(key)) {
                throw SdpParseException.of("a=" + (key.equals("direction") ? "sendrecv/sendonly/recvonly/inactive"
                        : key) + " may appear only once in a section");
            }
            if (a.name().equals("rtpmap") && !rtpmapPts.add(RtpMap.parse(a.value()).payloadType())) {
                throw SdpParseException.of("a second rtpmap for the same payload type");
            }
            if (a.name().equals("mid")) {
                mid = a.value();
                midLine = lineNo;
            }
        }
    }
}
