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

    MediaDescription(MediaLine mediaLine, List<SdpLine> lines) {
        this.mediaLine = mediaLine;
        this.lines = List.copyOf(lines);
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
        return attributeValue("mid");
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
        return attributeValue("ice-ufrag");
    }

    public Optional<String> icePwd() {
        return attributeValue("ice-pwd");
    }

    public Optional<Fingerprint> fingerprint() {
        return first("fingerprint", Fingerprint::parse);
    }

    public Optional<Setup> setup() {
        return first("setup", Setup::parse);
    }

    public List<Candidate> candidates() {
        return all("candidate", Candidate::parse);
    }

    public boolean rtcpMux() {
        return hasAttribute("rtcp-mux");
    }

    public List<Rtpmap> rtpmaps() {
        return all("rtpmap", Rtpmap::parse);
    }

    public Optional<Rtpmap> rtpmap(int payloadType) {
        return rtpmaps().stream().filter(r -> r.payloadType() == payloadType).findFirst();
    }

    public Optional<Fmtp> fmtp(int payloadType) {
        return all("fmtp", Fmtp::parse).stream().filter(f -> f.payloadType() == payloadType).findFirst();
    }

    /** The feedback for one payload type, including {@code *} wildcard lines. */
    public List<RtcpFeedback> rtcpFeedback(int payloadType) {
        return all("rtcp-fb", RtcpFeedback::parse).stream().filter(fb -> fb.appliesTo(payloadType)).toList();
    }

    public List<Extmap> extmaps() {
        return all("extmap", Extmap::parse);
    }

    /**
     * The track's msid: the {@code a=msid} line, or failing that the legacy {@code a=ssrc:<ssrc> msid:}
     * form older browsers wrote.
     */
    public Optional<Msid> msid() {
        Optional<Msid> msid = first("msid", Msid::parse);
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
        return all("ssrc", SsrcAttribute::parse);
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
        return all("ssrc-group", SsrcGroup::parse);
    }

    public List<Rid> rids() {
        return all("rid", Rid::parse);
    }

    public Optional<Simulcast> simulcast() {
        return first("simulcast", Simulcast::parse);
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

    private <T> List<T> all(String name, AttributeGrammar.Parser<T> parser) {
        List<T> values = new ArrayList<>();
        for (SdpLine line : lines) {
            if (line.isAttribute(name)) {
                values.add(AttributeGrammar.read(line, parser));
            }
        }
        return values;
    }

    private <T> Optional<T> first(String name, AttributeGrammar.Parser<T> parser) {
        for (SdpLine line : lines) {
            if (line.isAttribute(name)) {
                return Optional.of(AttributeGrammar.read(line, parser));
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

        private Builder(MediaLine mediaLine) {
            this.mediaLine = mediaLine;
        }

        public Builder add(SdpAttribute attribute) {
            lines.add(attribute.toLine());
            return this;
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
                AttributeGrammar.check(line);
            } catch (SdpException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            lines.add(line);
            return this;
        }

        public MediaDescription build() {
            return new MediaDescription(mediaLine, lines);
        }
    }
}
