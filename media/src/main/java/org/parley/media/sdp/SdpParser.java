package org.parley.media.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Splits SDP text into lines and sections and checks every line it understands, so that a bad
 * description fails here, with a line number, and never later in a typed accessor. Accepts CRLF (what
 * browsers send) and bare LF line ends (RFC 8866 asks parsers to), and writes CRLF.
 */
final class SdpParser {

    /** Session-level types RFC 8866 requires, in the order it requires them. */
    private static final String REQUIRED_SESSION_TYPES = "vost";

    private SdpParser() {
    }

    static SessionDescription parse(String text) throws SdpException {
        if (text == null || text.isEmpty()) {
            throw new SdpException("empty session description");
        }
        List<String> rawLines = split(text);
        List<SdpLine> sessionLines = new ArrayList<>();
        List<MediaDescription> media = new ArrayList<>();
        MediaLine currentMediaLine = null;
        List<SdpLine> currentLines = null;
        List<Object> currentValues = null;
        int currentMediaLineNumber = 0;
        for (int i = 0; i < rawLines.size(); i++) {
            int number = i + 1;
            String raw = rawLines.get(i);
            SdpLine line = line(number, raw);
            if (number == 1 && !(line.type() == 'v' && line.value().equals("0"))) {
                throw SdpException.atLine(number, raw, "a session description starts with v=0");
            }
            try {
                if (line.type() == 'm') {
                    if (currentMediaLine != null) {
                        media.add(section(currentMediaLineNumber, currentMediaLine, currentLines, currentValues));
                    }
                    currentMediaLine = MediaLine.parse(line.value());
                    currentLines = new ArrayList<>();
                    currentValues = new ArrayList<>();
                    currentMediaLineNumber = number;
                    continue;
                }
                if (line.type() == 'o') {
                    Origin.parse(line.value());
                }
                Object value = AttributeGrammar.parse(line);
                if (currentMediaLine == null) {
                    sessionLines.add(line);
                } else {
                    currentLines.add(line);
                    currentValues.add(value);
                }
            } catch (SdpException e) {
                throw SdpException.atLine(number, raw, e.getMessage());
            }
        }
        if (currentMediaLine != null) {
            media.add(section(currentMediaLineNumber, currentMediaLine, currentLines, currentValues));
        }
        requireSessionLines(sessionLines);
        requireDistinctMids(media);
        return new SessionDescription(sessionLines, media);
    }

    private static MediaDescription section(int lineNumber, MediaLine mediaLine, List<SdpLine> lines,
            List<Object> values) throws SdpException {
        long mids = lines.stream().filter(line -> line.isAttribute("mid")).count();
        if (mids > 1) {
            throw new SdpException("media section at line " + lineNumber + " has " + mids + " a=mid lines");
        }
        return new MediaDescription(mediaLine, lines, values);
    }

    /** RFC 5888: a mid names one m-line; BUNDLE and the SFU's routing both depend on it. */
    private static void requireDistinctMids(List<MediaDescription> media) throws SdpException {
        Set<String> mids = new HashSet<>();
        for (int i = 0; i < media.size(); i++) {
            Optional<String> mid = media.get(i).mid();
            if (mid.isPresent() && !mids.add(mid.get())) {
                throw new SdpException("m-line " + (i + 1) + " repeats mid " + mid.get());
            }
        }
    }

    private static void requireSessionLines(List<SdpLine> sessionLines) throws SdpException {
        for (char type : REQUIRED_SESSION_TYPES.toCharArray()) {
            long count = sessionLines.stream().filter(line -> line.type() == type).count();
            if (count != 1) {
                throw new SdpException("session description needs exactly one " + type + "= line, has " + count);
            }
        }
    }

    private static SdpLine line(int number, String raw) throws SdpException {
        if (raw.length() < 2 || raw.charAt(1) != '=') {
            throw SdpException.atLine(number, raw, "expected '<type>=<value>'");
        }
        char type = raw.charAt(0);
        if (type < 'a' || type > 'z') {
            throw SdpException.atLine(number, raw, "line type must be a lower-case letter");
        }
        for (int i = 2; i < raw.length(); i++) {
            if (SdpLine.isControl(raw.charAt(i))) {
                throw SdpException.atLine(number, raw, "control character at column " + (i + 1));
            }
        }
        return new SdpLine(type, raw.substring(2));
    }

    /** Lines without their terminators; text after the last terminator counts as a final line. */
    private static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(text.substring(start, contentEnd));
            start = end + 1;
        }
        return lines;
    }
}
