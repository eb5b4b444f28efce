package org.parley.http.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.http.signal.v1.ClientMessage;
import org.parley.http.signal.v1.Error;
import org.parley.http.signal.v1.ServerMessage;

class SignalCodecTest {

    @Test
    void aJoinInTheBrowsersJsonBecomesTheSchemasMessage() {
        var decoded = SignalCodec.decode(
                "{\"requestId\":\"1\",\"join\":{\"room\":\"Physics\",\"displayName\":\"Ada\",\"videoMuted\":true}}");

        ClientMessage message = assertInstanceOf(SignalCodec.Decoded.Valid.class, decoded).message();
        assertEquals("1", message.getRequestId());
        assertEquals("Physics", message.getJoin().getRoom());
        assertEquals("Ada", message.getJoin().getDisplayName());
        assertTrue(message.getJoin().getVideoMuted());
    }

    @Test
    void protoFieldNamesAreAcceptedToo() {
        var decoded = SignalCodec.decode("{\"request_id\":\"2\",\"set_media\":{\"audio_muted\":true}}");

        ClientMessage message = assertInstanceOf(SignalCodec.Decoded.Valid.class, decoded).message();
        assertTrue(message.getSetMedia().hasAudioMuted());
        assertTrue(message.getSetMedia().getAudioMuted());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{oops                                      | BAD_REQUEST     | malformed JSON",
            "[1,2]                                      | BAD_REQUEST     | one JSON object",
            "\"join\"                                   | BAD_REQUEST     | one JSON object",
            "{\"requestId\":\"3\"}                      | BAD_REQUEST     | no message",
            "{\"dance\":{}}                             | UNKNOWN_MESSAGE | dance",
            "{\"join\":{},\"leave\":{}}                 | BAD_REQUEST     | one message per frame",
            "{\"join\":{\"audioMuted\":[1]}}          | BAD_REQUEST     | invalid 'join'",
            "{\"join\":{\"shoeSize\":42}}               | BAD_REQUEST     | invalid 'join'",
    })
    void badFramesBecomeErrorsThatSayWhatWasWrong(String frame, String code, String hint) {
        var invalid = assertInstanceOf(SignalCodec.Decoded.Invalid.class, SignalCodec.decode(frame));

        assertEquals(code, invalid.code());
        assertTrue(invalid.message().contains(hint), invalid.message());
    }

    @Test
    void theRequestIdOfABadFrameIsKeptSoTheBrowserCanMatchTheError() {
        var invalid = (SignalCodec.Decoded.Invalid) SignalCodec.decode("{\"requestId\":\"9\",\"dance\":{}}");

        assertEquals("9", invalid.requestId());
    }

    @Test
    void randomAndMutatedFramesNeverThrow() {
        Random random = new Random(42);
        String valid = "{\"requestId\":\"1\",\"join\":{\"room\":\"r\",\"displayName\":\"Ada\",\"audioMuted\":false}}";
        for (int i = 0; i < 5_000; i++) {
            char[] chars = valid.toCharArray();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                chars[random.nextInt(chars.length)] = (char) random.nextInt(128);
            }
            SignalCodec.decode(new String(chars));
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            SignalCodec.decode(new String(noise, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void serverMessagesAreCompactCanonicalJson() {
        String json = SignalCodec.encode(ServerMessage.newBuilder().setRequestId("5")
                .setError(Error.newBuilder().setCode("REFUSED").setMessage("no")).build());

        assertEquals("{\"requestId\":\"5\",\"error\":{\"code\":\"REFUSED\",\"message\":\"no\"}}", json);
    }
}
