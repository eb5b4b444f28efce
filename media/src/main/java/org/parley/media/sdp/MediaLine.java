package org.parley.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code m=} line that opens a media section: {@code m=<kind> <port>[/<count>] <proto> <formats>}.
 * For RTP profiles the formats are payload types, checked to be 0..127 when parsed. Port 0 marks a
 * rejected (or recycled-away) section, per RFC 3264.
 */
public record MediaLine(String kind, int port, int portCount, String proto, List<String> formats) {

    public MediaLine {
        formats = List.copyOf(formats);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("an m-line needs at least one format");
        }
    }

    public static MediaLine rtp(MediaKind kind, int port, String proto, List<Integer> payloadTypes) {
        return new MediaLine(kind.sdpName(), port, 1, proto, payloadTypes.stream().map(String::valueOf).toList());
    }

    public static MediaLine parse(String value) throws SdpException {
        List<String> words = SdpTokens.words(value, 4, "m-line");
        String portText = words.get(1);
        int slash = portText.indexOf('/');
        int port = SdpTokens.integer(slash < 0 ? portText : portText.substring(0, slash), 0, 65535, "port");
        int count = slash < 0 ? 1 : SdpTokens.integer(portText.substring(slash + 1), 1, 65535, "port count");
        MediaLine line = new MediaLine(words.get(0), port, count, words.get(2), words.subList(3, words.size()));
        if (line.isRtp()) {
            for (String format : line.formats) {
                SdpTokens.payloadType(format);
            }
        }
        return line;
    }

    /** True for the RTP profiles (RTP/AVP, UDP/TLS/RTP/SAVPF, ...), whose formats are payload types. */
    public boolean isRtp() {
        return proto.contains("RTP/");
    }

    /** The formats as payload types; empty for non-RTP sections such as data channels. */
    public List<Integer> payloadTypes() {
        if (!isRtp()) {
            return List.of();
        }
        List<Integer> types = new ArrayList<>(formats.size());
        for (String format : formats) {
            types.add(Integer.valueOf(format));
        }
        return types;
    }

    public MediaLine withPort(int newPort) {
        return new MediaLine(kind, newPort, portCount, proto, formats);
    }

    public SdpLine toLine() {
        String ports = portCount == 1 ? String.valueOf(port) : port + "/" + portCount;
        return new SdpLine('m', kind + ' ' + ports + ' ' + proto + ' ' + String.join(" ", formats));
    }
}
