package org.parley.media.sdp;

/**
 * The DTLS role negotiation of RFC 5763 ({@code a=setup}). The SFU always ends up the DTLS server
 * ({@code passive}) because BouncyCastle's DTLS 1.2 client fails against current Chrome, while its
 * server works (see the team's WebRTC notes).
 */
public enum Setup implements SdpAttribute {
    ACTPASS("actpass"),
    ACTIVE("active"),
    PASSIVE("passive"),
    HOLDCONN("holdconn");

    private final String sdpName;

    Setup(String sdpName) {
        this.sdpName = sdpName;
    }

    public static Setup parse(String value) throws SdpException {
        for (Setup s : values()) {
            if (s.sdpName.equals(value)) {
                return s;
            }
        }
        throw new SdpException("unknown setup role '" + value + "'");
    }

    @Override
    public String attributeName() {
        return "setup";
    }

    @Override
    public String attributeValue() {
        return sdpName;
    }
}
