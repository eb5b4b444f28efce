package org.parley.http.signal;

import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.handleWebSocketMessagesForProtocol;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.RemoteAddress;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.typed.javadsl.ActorSink;
import org.apache.pekko.stream.typed.javadsl.ActorSource;
import org.parley.engine.conference.Caller;
import org.parley.engine.media.Media;
import org.parley.engine.rooms.Rooms;

/** {@code /api/v1/signal}: one {@link SignalSession} per WebSocket, speaking {@value SignalCodec#SUBPROTOCOL}. */
public final class SignalRoute {

    /** How many messages may wait for a slow browser before its connection is given up. */
    private static final int OUTGOING_BUFFER = 512;

    private final ActorSystem<?> system;
    private final Rooms rooms;
    private final Media media;
    private final SignalSession.Settings settings;
    private final int maxFrameCharacters;
    private final Duration frameReadTimeout;
    private final AtomicLong connections = new AtomicLong();

    public SignalRoute(ActorSystem<?> system, Rooms rooms, Media media, SignalSession.Settings settings,
            int maxFrameCharacters, Duration frameReadTimeout) {
        this.system = system;
        this.rooms = rooms;
        this.media = media;
        this.settings = settings;
        this.maxFrameCharacters = maxFrameCharacters;
        this.frameReadTimeout = frameReadTimeout;
    }

    public Route route(CallerDirective callers) {
        return path(segment("api").slash("v1").slash("signal"),
                () -> callers.withCaller(caller -> extractRequest(request -> handleWebSocketMessagesForProtocol(
                        connection(caller, clientAddress(request)), SignalCodec.SUBPROTOCOL))));
    }

    /**
     * The peer's own address, not X-Forwarded-For, which any client can write: behind a reverse proxy
     * every browser shares the proxy's address for password throttling (stricter, never weaker).
     */
    private static String clientAddress(HttpRequest request) {
        return request.getAttribute(AttributeKeys.remoteAddress)
                .flatMap(RemoteAddress::getAddress)
                .map(InetAddress::getHostAddress)
                .orElse("unknown");
    }

    private Flow<Message, Message, NotUsed> connection(Caller caller, String clientAddress) {
        Pair<ActorRef<Outbound>, Source<Outbound, NotUsed>> outgoing = ActorSource.<Outbound>actorRef(
                        message -> message == Outbound.Close.INSTANCE,
                        message -> Optional.empty(),
                        OUTGOING_BUFFER,
                        OverflowStrategy.fail())
                .preMaterialize(system);
        ActorRef<SignalSession.Command> session = system.systemActorOf(
                SignalSession.create(rooms, media, outgoing.first(), settings, caller, clientAddress),
                "signal-" + connections.incrementAndGet(),
                Props.empty());
        Sink<Message, NotUsed> incoming = Flow.<Message>create()
                .mapAsync(1, this::gather)
                .to(ActorSink.<InboundFrame, SignalSession.Command, SignalSession.FrameAck>actorRefWithBackpressure(
                        session,
                        (ackTo, frame) -> new SignalSession.Inbound(frame, ackTo),
                        SignalSession.StreamStarted::new,
                        SignalSession.FrameAck.INSTANCE,
                        SignalSession.SocketClosed.INSTANCE,
                        SignalSession.SocketFailed::new));
        Source<Message, NotUsed> outgoingMessages = outgoing.second()
                .filter(Outbound.Send.class::isInstance)
                .map(send -> (Message) TextMessage.create(SignalCodec.encode(((Outbound.Send) send).message())));
        return Flow.fromSinkAndSourceCoupled(incoming, outgoingMessages);
    }

    /**
     * Reads one browser message to its end, keeping at most the limit: an oversized message is consumed
     * (so the next one parses) but never held in memory.
     */
    private CompletionStage<InboundFrame> gather(Message message) {
        if (message.isText()) {
            TextMessage text = message.asTextMessage();
            if (text.isStrict()) {
                String json = text.getStrictText();
                return CompletableFuture.completedFuture(json.length() > maxFrameCharacters
                        ? new InboundFrame.TooLarge(json.length()) : new InboundFrame.Text(json));
            }
            return text.getStreamedText()
                    .completionTimeout(frameReadTimeout)
                    .runFold(new Gathered(new StringBuilder(), 0L), (gathered, chunk) -> gathered.add(chunk, maxFrameCharacters), system)
                    .thenApply(gathered -> gathered.length() > maxFrameCharacters
                            ? new InboundFrame.TooLarge(gathered.length())
                            : new InboundFrame.Text(gathered.text().toString()));
        }
        return message.asBinaryMessage().getStreamedData()
                .completionTimeout(frameReadTimeout)
                .runWith(Sink.ignore(), system)
                .thenApply(done -> new InboundFrame.Binary());
    }

    private record Gathered(StringBuilder text, long length) {
        Gathered add(String chunk, int limit) {
            long total = length + chunk.length();
            if (total <= limit) {
                text.append(chunk);
            }
            return new Gathered(text, total);
        }
    }
}
