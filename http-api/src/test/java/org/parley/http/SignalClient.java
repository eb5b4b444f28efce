package org.parley.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A browser's signalling connection, as a test drives it: send JSON, wait for a matching answer. */
public final class SignalClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final WebSocket socket;
    private volatile boolean closedByServer;

    private SignalClient(WebSocket.Builder builder, URI uri) {
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    public static SignalClient connect(int port) {
        return connect(port, java.util.Map.of());
    }

    /** With headers on the upgrade request: a bearer token (a signed-in person) or a guest cookie. */
    public static SignalClient connect(int port, java.util.Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("parley.signal.v1");
        headers.forEach(builder::header);
        return new SignalClient(builder, URI.create("ws://127.0.0.1:" + port + "/api/v1/signal"));
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public SignalClient send(String json) {
        socket.sendText(json, true).join();
        return this;
    }

    /** Sends a text message in several frames, as a browser may. */
    public SignalClient sendInParts(String json, int parts) {
        int size = Math.max(1, json.length() / parts);
        for (int i = 0; i < json.length(); i += size) {
            boolean last = i + size >= json.length();
            socket.sendText(json.substring(i, Math.min(json.length(), i + size)), last).join();
        }
        return this;
    }

    public SignalClient sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
        return this;
    }

    /** The next message that has the given top-level field (e.g. "joined", "error"), skipping others. */
    public JsonNode awaitMessage(String field) {
        return await(message -> message.has(field), "a '" + field + "' message").get(field);
    }

    /** The whole next message matching, skipping the others. */
    public JsonNode await(Predicate<JsonNode> matching, String description) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            JsonNode next;
            try {
                next = received.poll(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            if (next == null) {
                break;
            }
            seen.add(next);
            if (matching.test(next)) {
                return next;
            }
        }
        throw new AssertionError("no " + description + " within " + WAIT + "; saw " + seen);
    }

    /** The first message matching among those already taken by earlier awaits, else the next one to come. */
    public JsonNode awaitIncludingSeen(Predicate<JsonNode> matching, String description) {
        return seen.stream().filter(matching).findFirst().orElseGet(() -> await(matching, description));
    }

    /** Whether any message taken so far (by the awaits) matches. */
    public boolean seenAny(Predicate<JsonNode> matching) {
        return seen.stream().anyMatch(matching);
    }

    /** Makes a message already taken available again to the next await. */
    public void pushBack(JsonNode message) {
        LinkedBlockingQueue<JsonNode> rest = new LinkedBlockingQueue<>();
        received.drainTo(rest);
        received.add(message);
        received.addAll(rest);
    }

    public boolean isOpen() {
        return !closedByServer && !socket.isInputClosed() && !socket.isOutputClosed();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null).join();
        }
    }

    /** Drops the TCP connection without a goodbye, like a browser tab that crashed. */
    public void abort() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(text.toString()));
                } catch (Exception e) {
                    throw new AssertionError("the server sent invalid JSON: " + text, e);
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedByServer = true;
            return null;
        }
    }
}
