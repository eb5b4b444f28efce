package org.parley.media.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only: reads what the test needs from a browser's offer and writes a recvonly answer for
 * one endpoint by string template. Not an SDP library: the real signalling has its own model.
 */
final class AnswerTemplate {

    record Section(String kind, String mid, int payloadType, String rtpmap, String fmtp) {
    }

    final String ufrag;
    final String pwd;
    final String fingerprintAlgorithm;
    final String fingerprint;
    final List<Section> sections = new ArrayList<>();
    final List<String> candidates = new ArrayList<>();

    AnswerTemplate(String offer) {
        String[] lines = offer.split("\r?\n");
        ufrag = first(lines, "a=ice-ufrag:");
        pwd = first(lines, "a=ice-pwd:");
        String[] fp = first(lines, "a=fingerprint:").split(" ");
        fingerprintAlgorithm = fp[0];
        fingerprint = fp[1];
        List<List<String>> media = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("m=")) {
                media.add(new ArrayList<>());
            }
            if (!media.isEmpty()) {
                media.get(media.size() - 1).add(line);
            }
            if (line.startsWith("a=candidate:")) {
                candidates.add(line.substring(2));
            }
        }
        for (List<String> m : media) {
            String kind = m.get(0).substring(2, m.get(0).indexOf(' '));
            String codec = kind.equals("audio") ? "opus/48000/2" : "VP8/90000";
            String mid = null;
            int pt = -1;
            for (String line : m) {
                if (line.startsWith("a=mid:")) {
                    mid = line.substring(6);
                }
                Matcher rtpmap = Pattern.compile("a=rtpmap:(\\d+) (.*)").matcher(line);
                if (pt < 0 && rtpmap.matches() && rtpmap.group(2).equalsIgnoreCase(codec)) {
                    pt = Integer.parseInt(rtpmap.group(1));
                }
            }
            String fmtp = null;
            for (String line : m) {
                if (line.startsWith("a=fmtp:" + pt + " ")) {
                    fmtp = line.substring(("a=fmtp:" + pt + " ").length());
                }
            }
            sections.add(new Section(kind, mid, pt, codec, fmtp));
        }
    }

    int payloadType(String kind) {
        return sections.stream().filter(s -> s.kind.equals(kind)).findFirst().orElseThrow().payloadType;
    }

    String answer(Endpoint endpoint) {
        StringBuilder sdp = new StringBuilder();
        sdp.append("v=0\r\n")
                .append("o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n")
                .append("s=-\r\n")
                .append("t=0 0\r\n")
                .append("a=group:BUNDLE");
        for (Section s : sections) {
            sdp.append(' ').append(s.mid);
        }
        sdp.append("\r\n");
        for (Section s : sections) {
            sdp.append("m=").append(s.kind).append(" 9 UDP/TLS/RTP/SAVPF ").append(s.payloadType).append("\r\n")
                    .append("c=IN IP4 0.0.0.0\r\n")
                    .append("a=ice-ufrag:").append(endpoint.localUfrag()).append("\r\n")
                    .append("a=ice-pwd:").append(endpoint.localPassword()).append("\r\n")
                    .append("a=fingerprint:").append(endpoint.fingerprintAlgorithm()).append(' ')
                    .append(endpoint.fingerprint()).append("\r\n")
                    .append("a=setup:").append(endpoint.setupRole()).append("\r\n")
                    .append("a=mid:").append(s.mid).append("\r\n")
                    .append("a=recvonly\r\n")
                    .append("a=rtcp-mux\r\n")
                    .append("a=rtpmap:").append(s.payloadType).append(' ').append(s.rtpmap).append("\r\n");
            if (s.fmtp != null) {
                sdp.append("a=fmtp:").append(s.payloadType).append(' ').append(s.fmtp).append("\r\n");
            }
            if (s.kind.equals("video")) {
                sdp.append("a=rtcp-fb:").append(s.payloadType).append(" nack pli\r\n");
            }
            for (String candidate : endpoint.localCandidates()) {
                sdp.append("a=").append(candidate).append("\r\n");
            }
            sdp.append("a=end-of-candidates\r\n");
        }
        return sdp.toString();
    }

    private static String first(String[] lines, String prefix) {
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        throw new IllegalArgumentException("offer has no " + prefix);
    }
}
