package org.parley.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Browsers, proxies and attackers can send anything as SDP. Whatever arrives, parsing and everything
 * built on it either works or fails with {@link SdpException}; no other exception may escape, and
 * whatever parses must read back through every typed accessor and write back to itself.
 */
class SdpFuzzTest {

    private static final long SEED = 20240611L;
    private static final String ALPHABET = "0123456789abcdefvmo=: /;,-*~\r\n\t\u0000\u00e9\u0663+.#";

    @Test
    void mutatedChromeDescriptionsParseOrFailWithSdpException() {
        Random random = new Random(SEED);
        List<String> seeds = new ArrayList<>();
        SdpFixtures.CHROME_OFFERS.forEach(name -> seeds.add(SdpFixtures.text(name)));
        SdpFixtures.CHROME_SUBSCRIBE_ANSWERS.forEach(name -> seeds.add(SdpFixtures.text(name)));
        int parsed = 0;
        for (int i = 0; i < 1500; i++) {
            String original = seeds.get(random.nextInt(seeds.size()));
            String mutated = mutate(original, random, 1 + random.nextInt(4));
            parsed += exercise(mutated, "mutation " + i) ? 1 : 0;
        }
        // The mutations must leave enough descriptions parseable to reach the code past the parser.
        if (parsed < 250) {
            fail("only " + parsed + " mutated descriptions parsed; the fuzzer no longer reaches the accessors");
        }
    }

    @Test
    void randomTextFailsWithSdpException() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder(i % 3 == 0 ? "v=0\r\n" : "");
            int length = random.nextInt(200);
            for (int j = 0; j < length; j++) {
                text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x3000)
                        : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            exercise(text.toString(), "random text " + i);
        }
    }

    @Test
    void everyPrefixOfAChromeOfferParsesOrFailsWithSdpException() {
        String offer = SdpFixtures.text(SdpFixtures.AUDIO_VIDEO);
        for (int end = 0; end <= offer.length(); end += 29) {
            exercise(offer.substring(0, end), "prefix of length " + end);
        }
    }

    /** Returns whether the text parsed; fails the test on any exception other than SdpException. */
    private static boolean exercise(String text, String what) {
        SessionDescription sdp;
        try {
            sdp = SessionDescription.parse(text);
        } catch (SdpException expected) {
            return false;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + " crashed the parser:\n" + text, e);
        }
        try {
            readEverything(sdp);
            assertEquals(sdp, SessionDescription.parse(sdp.toString()), what + " does not write back to itself");
            answerAndAccept(sdp);
        } catch (SdpException e) {
            throw new AssertionError(what + ": a description that parsed does not parse again", e);
        } catch (RuntimeException e) {
            throw new AssertionError(what + " crashed after parsing:\n" + text, e);
        }
        return true;
    }

    private static void readEverything(SessionDescription sdp) {
        sdp.origin();
        sdp.groups();
        sdp.bundleGroup();
        sdp.iceLite();
        for (MediaDescription m : sdp.media()) {
            m.mediaKind();
            m.isRejected();
            m.mid();
            m.direction();
            sdp.iceUfrag(m);
            sdp.icePwd(m);
            sdp.fingerprint(m).ifPresent(Fingerprint::bytes);
            sdp.setup(m);
            m.candidates();
            m.rtcpMux();
            m.extmaps();
            m.msid();
            m.ssrcs();
            m.ssrcGroups();
            m.rids();
            m.simulcast();
            m.rtpmaps();
            for (int pt : m.mediaLine().payloadTypes()) {
                m.rtpmap(pt);
                m.fmtp(pt).ifPresent(Fmtp::apt);
                m.rtcpFeedback(pt);
            }
        }
    }

    private static void answerAndAccept(SessionDescription sdp) throws SdpException {
        try {
            sdp.bundleTransport();
        } catch (SdpException expected) {
            // fine: not every description has a usable transport
        }
        try {
            PublishedTracks.of(sdp);
            SessionDescription answer = PublishAnswer.create(sdp, SdpFixtures.PUBLISH_TRANSPORT, 1, 1).description();
            SessionDescription.parse(answer.toString());
        } catch (SdpException expected) {
            // fine: refused offers are refused with SdpException
        }
        SubscribeOffer offer = SubscribeOffer.initial(777, 1, SdpFixtures.SUBSCRIBE_TRANSPORT,
                List.of(ForwardedTrack.audio("0", 1, 111, "a", "mic"), ForwardedTrack.video("1", 2, 3, 96, 97, "a", "cam")));
        try {
            offer.acceptAnswer(sdp);
        } catch (SdpException expected) {
            // fine
        }
    }

    private static String mutate(String sdp, Random random, int times) {
        List<String> lines = new ArrayList<>(Arrays.asList(sdp.split("\r\n", -1)));
        for (int t = 0; t < times; t++) {
            int i = random.nextInt(lines.size());
            String line = lines.get(i);
            switch (random.nextInt(9)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, line);
                case 2 -> {
                    int j = random.nextInt(lines.size());
                    lines.set(i, lines.get(j));
                    lines.set(j, line);
                }
                case 3 -> lines.set(i, replaceChar(line, random));
                case 4 -> lines.set(i, insertChar(line, random));
                case 5 -> lines.set(i, line.substring(0, random.nextInt(line.length() + 1)));
                case 6 -> lines.set(i, replaceNumber(line, random));
                case 7 -> lines.set(i, line.replace(" ", random.nextBoolean() ? "  " : ""));
                default -> lines.set(i, line.isEmpty() ? line : (char) ('a' + random.nextInt(26)) + line.substring(1));
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        return String.join("\r\n", lines);
    }

    private static String replaceChar(String line, Random random) {
        if (line.isEmpty()) {
            return line;
        }
        int at = random.nextInt(line.length());
        return line.substring(0, at) + ALPHABET.charAt(random.nextInt(ALPHABET.length())) + line.substring(at + 1);
    }

    private static String insertChar(String line, Random random) {
        int at = random.nextInt(line.length() + 1);
        return line.substring(0, at) + ALPHABET.charAt(random.nextInt(ALPHABET.length())) + line.substring(at);
    }

    private static final String[] NUMBERS = {"0", "-1", "127", "128", "255", "256", "65535", "65536", "4294967295",
        "4294967296", "9223372036854775807", "9223372036854775808", "99999999999999999999999", "00", "1e3", "+5"};

    private static String replaceNumber(String line, Random random) {
        return line.replaceFirst("[0-9]+", NUMBERS[random.nextInt(NUMBERS.length)]);
    }
}
