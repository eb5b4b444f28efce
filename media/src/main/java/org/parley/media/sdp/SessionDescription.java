package org.parley.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSEP session description (RFC 8829 on top of RFC 8866): session-level lines and media sections,
 * every line kept in order and verbatim, so {@code parse(sdp).toString()} gives back a browser's SDP
 * byte for byte (CRLF line ends). No Java SDP library understands WebRTC's BUNDLE/msid/ssrc-group/rid
 * dialect, hence this model; it reads the attributes an SFU acts on and carries the rest untouched.
 */
public final class SessionDescription {

    private final List<SdpLine> sessionLines;
    private final List<MediaDescription> media;

    SessionDescription(List<SdpLine> sessionLines, List<MediaDescription> media) {
        this.sessionLines = List.copyOf(sessionLines);
        this.media = List.copyOf(media);
    }

    /** Parses SDP text; anything malformed is an {@link SdpException} naming the line. */
    public static SessionDescription parse(String sdp) throws SdpException {
        return SdpParser.parse(sdp);
    }

    /** Starts a description with the {@code v=}, {@code o=}, {@code s=-} and {@code t=0 0} lines JSEP writes. */
    public static Builder builder(Origin origin) {
        return new Builder(origin);
    }

    public Origin origin() {
        for (SdpLine line : sessionLines) {
            if (line.type() == 'o') {
                try {
                    return Origin.parse(line.value());
                } catch (SdpException e) {
                    throw new IllegalStateException("o= line passed the parser but does not parse: " + line, e);
                }
            }
        }
        throw new IllegalStateException("session description without o= line");
    }

    /** The lines before the first m-line, in order, verbatim. */
    public List<SdpLine> sessionLines() {
        return sessionLines;
    }

    public List<MediaDescription> media() {
        return media;
    }

    public Optional<MediaDescription> media(String mid) {
        return media.stream().filter(m -> m.mid().equals(Optional.of(mid))).findFirst();
    }

    public List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        for (SdpLine line : sessionLines) {
            if (line.isAttribute("group")) {
                groups.add(AttributeGrammar.read(line, Group::parse));
            }
        }
        return groups;
    }

    public Optional<Group> bundleGroup() {
        return groups().stream().filter(g -> g.semantics().equals(Group.BUNDLE)).findFirst();
    }

    public boolean iceLite() {
        return sessionAttribute("ice-lite").isPresent();
    }

    /** The value of the first session-level attribute with this name ({@code ""} for a flag). */
    public Optional<String> sessionAttribute(String name) {
        return sessionLines.stream().filter(line -> line.isAttribute(name)).map(SdpLine::attributeValue).findFirst();
    }

    /** ICE username fragment for a section: media level, else session level. */
    public Optional<String> iceUfrag(MediaDescription section) {
        return section.iceUfrag().or(() -> sessionAttribute("ice-ufrag"));
    }

    public Optional<String> icePwd(MediaDescription section) {
        return section.icePwd().or(() -> sessionAttribute("ice-pwd"));
    }

    public Optional<Fingerprint> fingerprint(MediaDescription section) {
        return section.fingerprint().or(() -> sessionLines.stream().filter(line -> line.isAttribute("fingerprint"))
                .findFirst().map(line -> AttributeGrammar.read(line, Fingerprint::parse)));
    }

    public Optional<Setup> setup(MediaDescription section) {
        return section.setup().or(() -> sessionLines.stream().filter(line -> line.isAttribute("setup"))
                .findFirst().map(line -> AttributeGrammar.read(line, Setup::parse)));
    }

    /**
     * The transport the BUNDLE group runs on: the parameters of its tagged (first listed) section, which
     * RFC 8843 makes authoritative for the whole group. The SFU only does BUNDLE with rtcp-mux, one ICE
     * component per peer connection, so a description without a usable BUNDLE group is refused.
     */
    public RemoteTransport bundleTransport() throws SdpException {
        Group bundle = bundleGroup().orElseThrow(() -> new SdpException("no a=group:BUNDLE: the SFU needs BUNDLE"));
        if (bundle.mids().isEmpty()) {
            throw new SdpException("a=group:BUNDLE lists no mids");
        }
        String tag = bundle.mids().get(0);
        MediaDescription tagged = media(tag)
                .orElseThrow(() -> new SdpException("BUNDLE lists mid " + tag + " but no m-line has it"));
        String ufrag = iceUfrag(tagged).orElseThrow(() -> new SdpException("mid " + tag + ": no a=ice-ufrag"));
        String pwd = icePwd(tagged).orElseThrow(() -> new SdpException("mid " + tag + ": no a=ice-pwd"));
        Fingerprint fingerprint = fingerprint(tagged)
                .orElseThrow(() -> new SdpException("mid " + tag + ": no a=fingerprint"));
        Setup setup = setup(tagged).orElseThrow(() -> new SdpException("mid " + tag + ": no a=setup"));
        return new RemoteTransport(ufrag, pwd, fingerprint, setup, tagged.candidates());
    }

    @Override
    public String toString() {
        StringBuilder sdp = new StringBuilder();
        for (SdpLine line : sessionLines) {
            sdp.append(line).append("\r\n");
        }
        for (MediaDescription section : media) {
            section.appendTo(sdp);
        }
        return sdp.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionDescription s && s.sessionLines.equals(sessionLines) && s.media.equals(media);
    }

    @Override
    public int hashCode() {
        return sessionLines.hashCode() * 31 + media.hashCode();
    }

    /** Assembles a description; session attributes first, then media sections, in the order added. */
    public static final class Builder {

        private final List<SdpLine> sessionLines = new ArrayList<>();
        private final List<MediaDescription> media = new ArrayList<>();

        private Builder(Origin origin) {
            sessionLines.add(new SdpLine('v', "0"));
            sessionLines.add(origin.toLine());
            sessionLines.add(new SdpLine('s', "-"));
            sessionLines.add(new SdpLine('t', "0 0"));
        }

        public Builder add(SdpAttribute attribute) {
            sessionLines.add(attribute.toLine());
            return this;
        }

        public Builder flag(String name) {
            sessionLines.add(SdpLine.flag(name));
            return this;
        }

        public Builder media(MediaDescription section) {
            media.add(section);
            return this;
        }

        public SessionDescription build() {
            return new SessionDescription(sessionLines, media);
        }
    }
}
