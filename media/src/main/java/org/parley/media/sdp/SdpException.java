package org.parley.media.sdp;

/**
 * A session description we cannot accept. Checked, because SDP arrives from browsers we do not
 * control: the signalling edge must decide what to tell the client, so it must not be able to forget
 * this case. The message names the line number (when there is one) and what was wrong with it.
 */
public final class SdpException extends Exception {

    private static final long serialVersionUID = 1L;

    public SdpException(String message) {
        super(message);
    }

    static SdpException atLine(int lineNumber, String line, String problem) {
        return new SdpException("line " + lineNumber + " (" + abbreviate(line) + "): " + problem);
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
