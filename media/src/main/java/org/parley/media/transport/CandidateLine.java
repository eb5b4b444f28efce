package org.parley.media.transport;

import java.util.Locale;

/**
 * ICE candidate attribute lines (RFC 8839 section 5.1): parsing the browser's, formatting ours.
 *
 * @param foundation the foundation token
 * @param component 1 for RTP (with rtcp-mux the only one)
 * @param transport lower case, e.g. "udp"
 * @param priority the candidate priority
 * @param address an IP literal or, for mDNS-hidden host candidates, a {@code .local} name
 * @param port the port
 * @param type host, srflx, prflx or relay
 */
record CandidateLine(String foundation, int component, String transport, long priority,
        String address, int port, String type) {

    /** Type preference 126 (host), local preference 65535 minus the index, component 1. */
    static String formatHost(int index, String address, int port) {
        long priority = (126L << 24) | ((65535L - index) << 8) | (256 - 1);
        return "candidate:" + (index + 1) + " 1 udp " + priority + " " + address + " " + port
                + " typ host generation 0";
    }

    /**
     * Parses {@code candidate:...}, with or without a leading {@code a=}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static CandidateLine parse(String line) {
        if (line == null) {
            throw new IllegalArgumentException("candidate line is missing");
        }
        String s = line.trim();
        if (s.startsWith("a=")) {
            s = s.substring(2);
        }
        if (!s.startsWith("candidate:")) {
            throw new IllegalArgumentException("not a candidate line: " + line);
        }
        String[] f = s.substring("candidate:".length()).split("\\s+");
        if (f.length < 8 || !"typ".equals(f[6])) {
            throw new IllegalArgumentException("malformed candidate line: " + line);
        }
        try {
            int port = Integer.parseInt(f[5]);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("candidate port out of range: " + line);
            }
            return new CandidateLine(f[0], Integer.parseInt(f[1]), f[2].toLowerCase(Locale.ROOT),
                    Long.parseLong(f[3]), f[4], port, f[7].toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed number in candidate line: " + line);
        }
    }

    /** A name a server cannot resolve: browsers hide host addresses behind mDNS names. */
    boolean isMdns() {
        return address.toLowerCase(Locale.ROOT).endsWith(".local");
    }

    /** Whether the address is an IPv4 or IPv6 literal (so resolving it needs no lookup). */
    boolean hasIpLiteral() {
        if (address.indexOf(':') >= 0) {
            return address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        }
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** What this transport can use: UDP, RTP component, a literal address, not port 9 or 0. */
    boolean isUsable() {
        return "udp".equals(transport) && component == 1 && !isMdns() && hasIpLiteral()
                && port > 0 && port != 9;
    }
}
