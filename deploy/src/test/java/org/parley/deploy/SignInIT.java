package org.parley.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Signing in with the development identity provider the server starts when no issuer is
 * configured, in real headless Chromium: its form, back to Parley signed in, then out again.
 */
class SignInIT extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPersonSignsInAtTheDevelopmentProviderAndOutAgain() throws Exception {
        String user = "ada-" + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext context = browsers.browser().newContext()) {
            Page page = context.newPage();
            JsonNode guest = me(page);
            assertFalse(guest.get("signedIn").asBoolean());
            assertTrue(guest.get("identityProvider").get("development").asBoolean(), guest.toString());

            page.navigate(server.url("/auth/login?return=/"));
            page.locator("input[name=username]").fill(user);
            page.locator("textarea[name=claims]").fill("{\"name\": \"Ada Lovelace\"}");
            page.locator("input[type=submit]").click();
            page.waitForURL(Pattern.compile(Pattern.quote(server.url("/")) + "$"));

            JsonNode signedIn = me(page);
            assertTrue(signedIn.get("signedIn").asBoolean(), signedIn.toString());
            assertEquals("oidc:" + user, signedIn.get("subject").asText());
            assertEquals("Ada Lovelace", signedIn.get("displayName").asText());
            assertTrue(signedIn.get("member").asBoolean());

            page.navigate(server.url("/auth/logout"));
            page.waitForURL(Pattern.compile(Pattern.quote(server.url("/")) + "$"));
            JsonNode after = me(page);
            assertFalse(after.get("signedIn").asBoolean(), after.toString());
            assertEquals(guest.get("subject"), after.get("subject"), "back to the same guest as before");
        }
    }

    /** {@code /api/v1/me} with the page's cookies. */
    private static JsonNode me(Page page) throws Exception {
        return JSON.readTree(page.request().get(server.url("/api/v1/me")).text());
    }
}
