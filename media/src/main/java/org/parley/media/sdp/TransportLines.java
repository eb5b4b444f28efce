package org.parley.media.sdp;

/**
 * Writes the SFU's transport into a media section the way Chrome writes its own: the BUNDLE-tagged
 * section carries the first candidate's address and port on the m- and c-lines plus every candidate,
 * the others carry the "discard" placeholder port 9 and 0.0.0.0; every section repeats the ICE
 * credentials, the fingerprint and the DTLS role.
 */
final class TransportLines {

    static final int PLACEHOLDER_PORT = 9;
    static final String NO_ADDRESS = "IN IP4 0.0.0.0";

    private TransportLines() {
    }

    static int port(LocalTransport local, boolean bundleTag) {
        return bundleTag && !local.candidates().isEmpty() ? local.candidates().get(0).port() : PLACEHOLDER_PORT;
    }

    static void write(MediaDescription.Builder section, LocalTransport local, boolean bundleTag, Setup setup) {
        section.line(new SdpLine('c', connection(local, bundleTag)));
        if (bundleTag) {
            section.addAll(local.candidates());
            section.flag("end-of-candidates");
        }
        section.attribute("ice-ufrag", local.ufrag());
        section.attribute("ice-pwd", local.pwd());
        section.add(local.fingerprint());
        section.add(setup);
    }

    private static String connection(LocalTransport local, boolean bundleTag) {
        if (!bundleTag || local.candidates().isEmpty()) {
            return NO_ADDRESS;
        }
        String address = local.candidates().get(0).address();
        return (address.indexOf(':') >= 0 ? "IN IP6 " : "IN IP4 ") + address;
    }
}
