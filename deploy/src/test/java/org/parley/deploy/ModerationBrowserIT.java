package org.parley.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Collaboration and moderation as people meet them, in real headless Chromium against the whole
 * server on real Cassandra: chat (to everyone, private, kept across a reload), raised hands in one
 * order for everyone (a moderator lowers them all), and a moderator ending the meeting for all.
 * A signed-in host starts each room; the others are guests, each in a browser context of their own.
 */
class ModerationBrowserIT extends BrowserTest {

    private static final LocatorAssertions.HasCountOptions COUNT_SOON =
            new LocatorAssertions.HasCountOptions().setTimeout(20_000);
    private static final LocatorAssertions.ContainsTextOptions TEXT_SOON =
            new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);

    @Test
    void aChatMessageReachesTheOthersAndIsStillThereAfterAReloadAndAPrivateOneOnlyItsRecipient() {
        String room = "Chat" + suffix();
        try (BrowserContext hostContext = newContext(); BrowserContext gusContext = newContext(); BrowserContext ivyContext = newContext()) {
            Page host = host(hostContext, room, "Hana");
            Page gus = guest(gusContext, room, "Gus");
            Page ivy = guest(ivyContext, room, "Ivy");
            for (Page page : List.of(host, gus, ivy)) {
                assertThat(page.getByTestId("roster").getByTestId("roster-name")).hasCount(3, COUNT_SOON);
                page.getByTestId("toggle-chat").click();
                assertThat(page.getByTestId("chat-panel")).isVisible();
            }

            send(host, "Hello everyone");
            assertThat(message(gus, "Hello everyone")).isVisible(SERVER_SAYS);
            assertThat(message(ivy, "Hello everyone")).isVisible(SERVER_SAYS);
            assertThat(message(host, "Hello everyone")).isVisible(SERVER_SAYS);

            // Gus reloads: he is back in and the conversation with him.
            gus.reload();
            assertThat(gus.getByTestId("conference")).isVisible(SERVER_SAYS);
            gus.getByTestId("toggle-chat").click();
            assertThat(message(gus, "Hello everyone")).isVisible(SERVER_SAYS);

            // Privately to Gus: he sees it marked so; Ivy never does (a later public message proves
            // she has had the time to receive it).
            host.getByTestId("chat-recipient").selectOption(new SelectOption().setLabel("Gus"));
            send(host, "Just for you, Gus");
            assertThat(message(gus, "Just for you, Gus")).isVisible(SERVER_SAYS);
            assertThat(message(gus, "Just for you, Gus")).containsText("privately from Hana");
            assertThat(message(host, "Just for you, Gus")).containsText("privately to Gus", TEXT_SOON);
            host.getByTestId("chat-recipient").selectOption("");
            send(host, "Back to everyone");
            assertThat(message(ivy, "Back to everyone")).isVisible(SERVER_SAYS);
            assertThat(message(ivy, "Just for you, Gus")).hasCount(0);
            assertThat(ivy.getByTestId("chat-message")).hasCount(2);
            assertThat(gus.getByTestId("chat-message")).hasCount(3, COUNT_SOON);
        }
    }

    @Test
    void handsRaisedInAnOrderAreInThatOrderForEveryoneAndAModeratorLowersThemAll() {
        String room = "Hands" + suffix();
        try (BrowserContext hostContext = newContext(); BrowserContext gusContext = newContext(); BrowserContext ivyContext = newContext()) {
            Page host = host(hostContext, room, "Hana");
            Page gus = guest(gusContext, room, "Gus");
            Page ivy = guest(ivyContext, room, "Ivy");
            String gusId = selfId(gus);
            String ivyId = selfId(ivy);
            List<Page> everyone = List.of(host, gus, ivy);
            for (Page page : everyone) {
                assertThat(page.getByTestId("roster").getByTestId("roster-name")).hasCount(3, COUNT_SOON);
            }

            gus.getByTestId("raise-hand").click();
            // Ivy raises hers once she sees Gus's: the order is not left to chance.
            assertThat(ivy.getByTestId("hand-" + gusId)).isVisible(SERVER_SAYS);
            ivy.getByTestId("raise-hand").click();
            for (Page page : everyone) {
                Locator items = page.getByTestId("hands-list").locator("li");
                assertThat(items).hasCount(2, COUNT_SOON);
                assertThat(items.nth(0)).hasAttribute("data-testid", "hand-" + gusId);
                assertThat(items.nth(1)).hasAttribute("data-testid", "hand-" + ivyId);
                assertThat(items).containsText(new String[] {"1", "2"});
                assertThat(tile(page, gusId).getByTestId("hand-badge")).isVisible();
            }
            assertThat(gus.getByTestId("raise-hand")).hasAttribute("aria-pressed", "true");
            assertThat(gus.getByTestId("lower-all-hands")).isHidden();

            host.getByTestId("lower-all-hands").click();
            for (Page page : everyone) {
                assertThat(page.getByTestId("hands-list").locator("li")).hasCount(0, COUNT_SOON);
                assertThat(tile(page, gusId).getByTestId("hand-badge")).isHidden();
            }
            assertThat(gus.getByTestId("raise-hand")).hasAttribute("aria-pressed", "false");
            assertThat(ivy.getByTestId("raise-hand")).hasAttribute("aria-pressed", "false");
        }
    }

    @Test
    void aModeratorEndsTheMeetingForEveryoneAndTheOthersSeeTheEndedPage() {
        String room = "End" + suffix();
        try (BrowserContext hostContext = newContext(); BrowserContext gusContext = newContext(); BrowserContext ivyContext = newContext()) {
            Page host = host(hostContext, room, "Hana");
            Page gus = guest(gusContext, room, "Gus");
            Page ivy = guest(ivyContext, room, "Ivy");
            for (Page page : List.of(host, gus, ivy)) {
                assertThat(page.getByTestId("roster").getByTestId("roster-name")).hasCount(3, COUNT_SOON);
            }

            host.getByTestId("leave-button").click();
            host.getByTestId("end-for-all").click();
            assertThat(host.getByTestId("end-dialog")).isVisible();
            host.getByTestId("end-confirm").click();

            for (Page page : List.of(gus, ivy)) {
                assertThat(page.getByTestId("ended-page")).isVisible(SERVER_SAYS);
                assertThat(page.getByTestId("ended-page")).containsText("The meeting was ended by a moderator");
                assertThat(page.getByTestId("conference")).hasCount(0);
            }
            assertThat(host.getByTestId("ended-page")).isVisible(SERVER_SAYS);
        }
    }

    private static BrowserContext newContext() {
        return browsers.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
    }
    private static void send(Page page, String text) {
        page.getByTestId("chat-input").fill(text);
        page.getByTestId("chat-input").press("Enter");
    }

    private static Locator message(Page page, String text) {
        return page.getByTestId("chat-log").getByTestId("chat-message").filter(new Locator.FilterOptions().setHasText(text));
    }

    private static String selfId(Page page) {
        Locator self = page.locator("[data-testid=tile][data-self=true]").first();
        assertThat(self).isVisible(SERVER_SAYS);
        return self.getAttribute("data-participant-id");
    }

    private static Locator tile(Page page, String participantId) {
        return page.locator("[data-testid=tile][data-participant-id='" + participantId + "']");
    }

}
