package org.parley.media.sdp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One media section: its {@code m=} line and the lines under it, in order, exactly as written. The
 * typed accessors read what an SFU needs; everything else survives a round trip untouched.
 *
 * <p>Transport attributes (ICE credentials, fingerprint, setup) are read at media level only here;
 * {@link SessionDescription} falls back to the session level. The direction is the media-level
 * attribute or {@code sendrecv}: JSEP implementations never write a session-level direction.
 */
public final class MediaDescription {

    private final MediaLine mediaLine;
    private final List<SdpLine> lines;
    /** The typed value of each line (see {@link AttributeGrammar#parse}), null for other lines. */
    private final Object[] values;

    MediaDescription(MediaLine mediaLine, List<SdpLine> lines, List<Object> values) {
        this.mediaLine = mediaLine;
        this.lines = List.copyOf(lines);
        this.values = values.toArray();
        if (this.values.length != this.lines.size()) {
            throw new IllegalArgumentException("one typed value per line");
        }
    }

    public static Builder builder(MediaLine mediaLine) {
        return new Builder(mediaLine);
    }

    public MediaLine mediaLine() {
        return mediaLine;
    }

    public String kind() {
        return mediaLine.kind();
    }

    /** Audio or video; empty for anything else (data channels, unknown kinds). */
    public Optional<MediaKind> mediaKind() {
        return mediaLine.isRtp() ? MediaKind.fromSdpName(mediaLine.kind()) : Optional.empty();
    }

    public int port() {
        return mediaLine.port();
    }

    /** Port 0 without {@code a=bundle-only}: the section was rejected or removed (RFC 3264, RFC 8843). */
    public boolean isRejected() {
        return mediaLine.port() == 0 && !hasAttribute("bundle-only");
    }

    /** The lines under the m-line, in order, verbatim. */
    public List<SdpLine> lines() {
        return lines;
    }

    public Optional<String> mid() {
        return first("mid", String.class);
    }

    public Direction direction() {
        for (SdpLine line : lines) {
            if (line.isAttribute()) {
                Optional<Direction> direction = Direction.fromAttributeName(line.attributeName());
                if (direction.isPresent()) {
                    return direction.get();
                }
            }
        }
        return Direction.SENDRECV;
    }

    public Optional<String> iceUfrag() {
        return first("ice-ufrag", String.class);
    }

    public Optional<String> icePwd() {
        return first("ice-pwd", String.class);
    }

    public Optional<Fingerprint> fingerprint() {
        return first("fingerprint", Fingerprint.class);
    }

    public Optional<Setup> setup() {
        return first("setup", Setup.class);
    }

    public List<Candidate> candidates() {
        return all("candidate", Candidate.class);
    }

    public boolean rtcpMux() {
        return hasAttribute("rtcp-mux");
    }

    public List<Rtpmap> rtpmaps() {
        return all("rtpmap", Rtpmap.class);
    }

    public Optional<Rtpmap> rtpmap(int payloadType) {
        for (Object value : values) {
            if (value instanceof Rtpmap rtpmap && rtpmap.payloadType() == payloadType) {
                return Optional.of(rtpmap);
            }
        }
        return Optional.empty();
    }

    public Optional<Fmtp> fmtp(int payloadType) {
        for (Object value : values) {
            if (value instanceof Fmtp fmtp && fmtp.payloadType() == payloadType) {
                return Optional.of(fmtp);
            }
        }
        return Optional.empty();
    }

    /** The feedback for one payload type, including {@code *} wildcard lines. */
    public List<RtcpFeedback> rtcpFeedback(int payloadType) {
        List<RtcpFeedback> feedback = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof RtcpFeedback fb && fb.appliesTo(payloadType)) {
                feedback.add(fb);
            }
        }
        return feedback;
    }

    public List<Extmap> extmaps() {
        return all("extmap", Extmap.class);
    }

    /**
     * The track's msid: the {@code a=msid} line, or failing that the legacy {@code a=ssrc:<ssrc> msid:}
     * form older browsers wrote.
     */
    public Optional<Msid> msid() {
        Optional<Msid> msid = first("msid", Msid.class);
        if (msid.isPresent()) {
            return msid;
        }
        for (SsrcAttribute ssrc : ssrcAttributes()) {
            if (ssrc.attribute().equals("msid") && ssrc.value().isPresent()) {
                try {
                    return Optional.of(Msid.parse(ssrc.value().get()));
                } catch (SdpException notAnMsid) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    public List<SsrcAttribute> ssrcAttributes() {
        return all("ssrc", SsrcAttribute.class);
    }

    /** Every SSRC mentioned by {@code a=ssrc} lines, in first-seen order. */
    public List<Long> ssrcs() {
        Set<Long> ssrcs = new LinkedHashSet<>();
        for (SsrcAttribute attribute : ssrcAttributes()) {
            ssrcs.add(attribute.ssrc());
        }
        return List.copyOf(ssrcs);
    }

    public List<SsrcGroup> ssrcGroups() {
        return all("ssrc-group", SsrcGroup.class);
    }

    public List<Rid> rids() {
        return all("rid", Rid.class);
    }

    public Optional<Simulcast> simulcast() {
        return first("simulcast", Simulcast.class);
    }

    public boolean hasAttribute(String name) {
        return lines.stream().anyMatch(line -> line.isAttribute(name));
    }

    /** The value of the first attribute with this name. */
    public Optional<String> attributeValue(String name) {
        return lines.stream().filter(line -> line.isAttribute(name)).map(SdpLine::attributeValue).findFirst();
    }

    public List<String> attributeValues(String name) {
        return lines.stream().filter(line -> line.isAttribute(name)).map(SdpLine::attributeValue).toList();
    }

    private <T> List<T> all(String name, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && lines.get(i).isAttribute(name)) {
                found.add(type.cast(values[i]));
            }
        }
        return found;
    }

    private <T> Optional<T> first(String name, Class<T> type) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && lines.get(i).isAttribute(name)) {
                return Optional.of(type.cast(values[i]));
            }
        }
        return Optional.empty();
    }

    void appendTo(StringBuilder sdp) {
        sdp.append(mediaLine.toLine()).append("\r\n");
        for (SdpLine line : lines) {
            sdp.append(line).append("\r\n");
        }
    }

    @Override
    public String toString() {
        StringBuilder sdp = new StringBuilder();
        appendTo(sdp);
        return sdp.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MediaDescription m && m.mediaLine.equals(mediaLine) && m.lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return mediaLine.hashCode() * 31 + lines.hashCode();
    }

    /** Assembles a media section line by line, in the order written. */
    public static final class Builder {

        private final MediaLine mediaLine;
        private final List<SdpLine> lines = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        private Builder(MediaLine mediaLine) {
            this.mediaLine = mediaLine;
        }

        public Builder add(SdpAttribute attribute) {
            return line(attribute.toLine());
        }

        public Builder addAll(List<? extends SdpAttribute> attributes) {
            attributes.forEach(this::add);
            return this;
        }

        public Builder flag(String name) {
            return line(SdpLine.flag(name));
        }

        public Builder attribute(String name, String value) {
            return line(SdpLine.attribute(name, value));
        }

        /** Adds any line; a known attribute is checked against its grammar first. */
        public Builder line(SdpLine line) {
            try {
                values.add(AttributeGrammar.parse(line));
            } catch (SdpException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            lines.add(line);
            return this;
        }

        public MediaDescription build() {
            return new MediaDescription(mediaLine, lines, values);
        }
    }
}
