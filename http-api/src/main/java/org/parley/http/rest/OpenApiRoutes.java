package org.parley.http.rest;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code /api/v1/openapi.yaml}: the REST API's description, written by hand beside the routes it describes. */
public final class OpenApiRoutes {

    private static final String RESOURCE = "/openapi/parley-v1.yaml";
    private static final ContentType YAML =
            MediaTypes.applicationWithOpenCharset("yaml").toContentType(HttpCharsets.UTF_8);

    private final byte[] document;

    public OpenApiRoutes() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the http-api jar");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Route route() {
        return path(segment("api").slash("v1").slash("openapi.yaml"),
                () -> get(() -> complete(HttpResponse.create().withEntity(YAML, document))));
    }
}
