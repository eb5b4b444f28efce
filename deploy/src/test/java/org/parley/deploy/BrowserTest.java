package org.parley.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A browser test class gets the whole server and one headless Chromium, shared by its tests. */
abstract class BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static RunningServer server;
    static Browsers browsers;

    @BeforeAll
    static void startServerAndBrowser() {
        server = RunningServer.start();
        browsers = Browsers.launch();
    }

    @AfterAll
    static void stopServerAndBrowser() {
        browsers.close();
        server.close();
    }

    /**
     * Signs the page's browser context in at the development identity provider the server starts
     * (every signed-in person is a member there, so may start a conference), the way a person
     * does: {@code /auth/login}, the provider's form, back on {@code returnPath} with the session
     * cookie. A fresh user name each time, so no two tests share a subject.
     */
    static void signIn(Page page, String displayName, String returnPath) {
        String user = displayName.toLowerCase().replaceAll("[^a-z0-9]", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
        page.navigate(server.url("/auth/login?return=" + URLEncoder.encode(returnPath, StandardCharsets.UTF_8)));
        page.locator("input[name=username]").fill(user);
        page.locator("textarea[name=claims]").fill(json(Map.of("name", displayName)));
        page.locator("input[type=submit]").click();
        page.waitForURL(Pattern.compile(Pattern.quote(server.url(returnPath)) + "$"));
        JsonNode me = read(page.request().get(server.url("/api/v1/me")).text());
        assertTrue(me.path("signedIn").asBoolean() && me.path("member").asBoolean(), "signed in as a member: " + me);
    }

    /** Waits that need the server to tell another browser something (two cores, several browsers). */
    static final LocatorAssertions.IsVisibleOptions SERVER_SAYS = new LocatorAssertions.IsVisibleOptions().setTimeout(20_000);

    /** A room's page, with small fake video so several browsers fit on two cores. */
    static String path(String room) {
        return "/" + room + "?video=320x240";
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    /** Signs in at the development provider, comes back to the room and starts the conference as its moderator. */
    static Page host(BrowserContext context, String room, String name) {
        Page page = context.newPage();
        signIn(page, name, path(room));
        joinFromPrejoin(page, name);
        assertThat(page.getByTestId("conference")).isVisible(SERVER_SAYS);
        assertThat(page.getByTestId("security-button")).isVisible();
        return page;
    }

    /** A guest joins a running conference. */
    static Page guest(BrowserContext context, String room, String name) {
        Page page = context.newPage();
        page.navigate(server.url(path(room)));
        joinFromPrejoin(page, name);
        assertThat(page.getByTestId("conference")).isVisible(SERVER_SAYS);
        return page;
    }

    static void joinFromPrejoin(Page page, String name) {
        assertThat(page.getByTestId("prejoin")).isVisible();
        page.getByTestId("display-name").fill(name);
        page.getByTestId("accept-terms").check();
        page.getByTestId("join-button").click();
    }

    private static String json(Map<String, String> claims) {
        try {
            return JSON.writeValueAsString(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(json, e);
        }
    }
}
