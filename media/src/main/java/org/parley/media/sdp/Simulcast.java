package org.parley.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=simulcast:send <streams> [recv <streams>]} (RFC 8853). Each stream is a list of alternative
 * rids ({@code ,}-separated); streams are {@code ;}-separated. Rids keep their {@code ~} prefix, which
 * marks a stream that starts paused. The SFU answers a browser's {@code send} with {@code recv}.
 */
public record Simulcast(List<List<String>> send, List<List<String>> receive) implements SdpAttribute {

    public Simulcast {
        send = send.stream().map(List::copyOf).toList();
        receive = receive.stream().map(List::copyOf).toList();
    }

    public static Simulcast parse(String value) throws SdpException {
        List<String> words = SdpTokens.words(value);
        if (words.isEmpty() || words.size() % 2 != 0) {
            throw new SdpException("simulcast needs 'send|recv <streams>' pairs");
        }
        List<List<String>> send = List.of();
        List<List<String>> receive = List.of();
        for (int i = 0; i < words.size(); i += 2) {
            List<List<String>> streams = streams(words.get(i + 1));
            switch (words.get(i)) {
                case "send" -> send = streams;
                case "recv" -> receive = streams;
                default -> throw new SdpException("simulcast direction must be send or recv: " + words.get(i));
            }
        }
        return new Simulcast(send, receive);
    }

    private static List<List<String>> streams(String text) throws SdpException {
        List<List<String>> streams = new ArrayList<>();
        for (String stream : text.split(";", -1)) {
            List<String> alternatives = new ArrayList<>();
            for (String rid : stream.split(",", -1)) {
                if (rid.isEmpty() || rid.equals("~")) {
                    throw new SdpException("simulcast has an empty rid in '" + text + "'");
                }
                alternatives.add(rid);
            }
            streams.add(alternatives);
        }
        return streams;
    }

    @Override
    public String attributeName() {
        return "simulcast";
    }

    @Override
    public String attributeValue() {
        String sendText = send.isEmpty() ? "" : "send " + streamsText(send);
        String receiveText = receive.isEmpty() ? "" : "recv " + streamsText(receive);
        return (sendText + ' ' + receiveText).strip();
    }

    private static String streamsText(List<List<String>> streams) {
        return String.join(";", streams.stream().map(alternatives -> String.join(",", alternatives)).toList());
    }
}
