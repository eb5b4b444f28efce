package org.parley.media.sdp;

/**
 * One {@code <type>=<value>} line, kept exactly as written. Descriptions store their lines in this
 * raw form, so attributes we do not understand survive a parse and write unchanged; the typed views
 * ({@link Rtpmap}, {@link Candidate}, ...) are read from these lines on demand.
 */
public record SdpLine(char type, String value) {

    public SdpLine {
        if (type < 'a' || type > 'z') {
            throw new IllegalArgumentException("SDP line type must be a lower-case letter: " + type);
        }
        for (int i = 0; i < value.length(); i++) {
            if (isControl(value.charAt(i))) {
                throw new IllegalArgumentException("SDP line value contains a control character: " + value);
            }
        }
    }

    public static SdpLine attribute(String name, String value) {
        return new SdpLine('a', name + ':' + value);
    }

    public static SdpLine flag(String name) {
        return new SdpLine('a', name);
    }

    public boolean isAttribute() {
        return type == 'a';
    }

    /** The attribute name: the text before the first colon ({@code rtpmap} of {@code a=rtpmap:111 opus/48000/2}). */
    public String attributeName() {
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    /** The text after the first colon, verbatim; empty for a flag such as {@code a=rtcp-mux}. */
    public String attributeValue() {
        int colon = value.indexOf(':');
        return colon < 0 ? "" : value.substring(colon + 1);
    }

    public boolean isAttribute(String name) {
        return type == 'a' && value.startsWith(name)
                && (value.length() == name.length() || value.charAt(name.length()) == ':');
    }

    @Override
    public String toString() {
        return type + "=" + value;
    }

    static boolean isControl(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7f;
    }
}
