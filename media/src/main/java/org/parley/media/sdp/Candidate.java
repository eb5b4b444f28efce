package org.parley.media.sdp;

import java.util.List;
import java.util.Optional;

/**
 * An ICE candidate line ({@code a=candidate:...}, RFC 8839):
 * {@code <foundation> <component> <transport> <priority> <address> <port> typ <type> [<name> <value>]...}.
 * The trailing name/value pairs (raddr, rport, tcptype, generation, network-id, ...) are kept verbatim.
 * Browser addresses may be mDNS {@code .local} names, so the address is not parsed as an IP.
 */
public record Candidate(String foundation, int component, String transport, long priority, String address, int port,
        String type, List<String> extensions) implements SdpAttribute {

    /** Type preference 126 and the highest local preference, RFC 8445 section 5.1.2.1, for component 1. */
    static final long HOST_PRIORITY = (126L << 24) | (65535L << 8) | (256 - 1);

    public Candidate {
        extensions = List.copyOf(extensions);
    }

    /**
     * A UDP host candidate on the server's single RTP port. The foundation is derived from the address
     * so that candidates on different addresses differ, as RFC 8445 requires; a multi-homed server that
     * wants to rank its addresses builds candidates with explicit priorities instead.
     */
    public static Candidate udpHost(String address, int port) {
        String foundation = Integer.toUnsignedString(address.hashCode());
        return new Candidate(foundation, 1, "udp", HOST_PRIORITY, address, port, "host", List.of());
    }

    public static Candidate parse(String value) throws SdpException {
        List<String> words = SdpTokens.words(value, 8, "candidate");
        String foundation = SdpTokens.token(words.get(0), "candidate foundation");
        int component = SdpTokens.integer(words.get(1), 1, 256, "candidate component");
        long priority = SdpTokens.number(words.get(3), 0, 0xFFFF_FFFFL, "candidate priority");
        int port = SdpTokens.integer(words.get(5), 0, 65535, "candidate port");
        if (!words.get(6).equals("typ")) {
            throw new SdpException("candidate lacks 'typ' before its type");
        }
        List<String> extensions = words.subList(8, words.size());
        if (extensions.size() % 2 != 0) {
            throw new SdpException("candidate extensions are not name/value pairs");
        }
        return new Candidate(foundation, component, words.get(2), priority, words.get(4), port, words.get(7),
                extensions);
    }

    /** A trailing name/value pair such as {@code tcptype} or {@code raddr}. */
    public Optional<String> extension(String name) {
        for (int i = 0; i + 1 < extensions.size(); i += 2) {
            if (extensions.get(i).equals(name)) {
                return Optional.of(extensions.get(i + 1));
            }
        }
        return Optional.empty();
    }

    @Override
    public String attributeName() {
        return "candidate";
    }

    @Override
    public String attributeValue() {
        StringBuilder text = new StringBuilder().append(foundation).append(' ').append(component).append(' ')
                .append(transport).append(' ').append(priority).append(' ').append(address).append(' ')
                .append(port).append(" typ ").append(type);
        for (String extension : extensions) {
            text.append(' ').append(extension);
        }
        return text.toString();
    }
}
