package org.parley.http.rest;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.parley.engine.conference.Denial;
import org.parley.engine.conference.Denied;
import org.parley.engine.rooms.AccessRefused;
import org.parley.engine.rooms.Refused;
import org.parley.engine.rooms.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error the REST API returns, in one shape: {@code {"error": {"code": ..., "message": ...}}}.
 * Failures map to statuses here and nowhere else; a client never sees a stack trace.
 */
public final class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    public record Body(String code, String message) {}

    public record Envelope(Body error) {}

    private ApiErrors() {}

    public static HttpResponse response(StatusCode status, String code, String message) {
        return HttpResponse.create()
                .withStatus(status)
                .withEntity(ContentTypes.APPLICATION_JSON, Json.write(new Envelope(new Body(code, message))));
    }

    public static HttpResponse badRequest(String message) {
        return response(StatusCodes.BAD_REQUEST, "BAD_REQUEST", message);
    }

    public static HttpResponse notFound(String message) {
        return response(StatusCodes.NOT_FOUND, "NOT_FOUND", message);
    }

    public static HttpResponse forbidden(String message) {
        return response(StatusCodes.FORBIDDEN, "FORBIDDEN", message);
    }

    /** A refusal by the conference: who may not (403), what is not there (404), what is malformed (400). */
    public static HttpResponse denied(Denied denied) {
        return denied(denied.denial(), denied.reason());
    }

    static HttpResponse denied(Denial denial, String reason) {
        StatusCode status = switch (denial) {
            case FORBIDDEN, BANNED -> StatusCodes.FORBIDDEN;
            case UNKNOWN_KNOCK, NOT_IN_CONFERENCE -> StatusCodes.NOT_FOUND;
            case INVALID -> StatusCodes.BAD_REQUEST;
            case TOO_MANY_ATTEMPTS, RATE_LIMITED -> StatusCodes.TOO_MANY_REQUESTS;
            case PASSWORD_REQUIRED, WRONG_PASSWORD -> StatusCodes.UNAUTHORIZED;
        };
        return response(status, denial.name(), reason);
    }

    public static HttpResponse fromFailure(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException) {
            return badRequest(cause.getMessage());
        }
        if (cause instanceof AccessRefused refused) {
            return denied(refused.denial(), refused.getMessage());
        }
        if (cause instanceof Refused) {
            return response(StatusCodes.CONFLICT, "REFUSED", cause.getMessage());
        }
        if (cause instanceof StoreUnavailable || cause instanceof TimeoutException) {
            return response(StatusCodes.SERVICE_UNAVAILABLE, "UNAVAILABLE",
                    cause.getMessage() == null ? "the service is not answering; try again shortly" : cause.getMessage());
        }
        log.error("request failed", cause);
        return response(StatusCodes.INTERNAL_SERVER_ERROR, "INTERNAL", "something went wrong on our side");
    }

    public static ExceptionHandler exceptionHandler() {
        return ExceptionHandler.newBuilder()
                .matchAny(failure -> org.apache.pekko.http.javadsl.server.Directives.complete(fromFailure(failure)))
                .build();
    }

    public static RejectionHandler rejectionHandler() {
        return RejectionHandler.newBuilder()
                .handle(MethodRejection.class, r -> org.apache.pekko.http.javadsl.server.Directives.complete(
                        response(StatusCodes.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                                "this resource supports " + r.supported().name())))
                .handleNotFound(org.apache.pekko.http.javadsl.server.Directives.complete(
                        notFound("no such resource")))
                .build()
                .withFallback(RejectionHandler.defaultHandler())
                .mapRejectionResponse(response -> {
                    if (response.entity().getContentType().equals(ContentTypes.APPLICATION_JSON)) {
                        return response;
                    }
                    String text = response.entity() instanceof org.apache.pekko.http.javadsl.model.HttpEntity.Strict strict
                            ? strict.getData().utf8String() : response.status().reason();
                    return response(response.status(), "BAD_REQUEST", text);
                });
    }

}
