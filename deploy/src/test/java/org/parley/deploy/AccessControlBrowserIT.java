package org.parley.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Access control as people meet it, in real headless Chromium against the whole server on real
 * Cassandra: a guest waits for the host, a signed-in host moderates (lobby and its chat, admit,
 * reject, password, remove and ban). Each person is a browser context of their own (own cookies:
 * the host's session, each guest's guest id).
 */
class AccessControlBrowserIT extends BrowserTest {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");


    @Test
    void aGuestWhoComesFirstWaitsForTheHostEntersWhenTheHostStartsAndTheHostStaysModeratorAfterAReloadAndARejoin() {
        String room = "Waiting" + suffix();
        try (BrowserContext guestContext = newContext(); BrowserContext hostContext = newContext()) {
            Page guest = open(guestContext.newPage(), room);
            joinFromPrejoin(guest, "Gus");
            assertThat(guest.getByTestId("waiting-host")).isVisible(SERVER_SAYS);
            assertThat(guest.getByTestId("sign-in-link")).isVisible();
            screenshot(guest, "waiting-host.png");

            Page host = hostContext.newPage();
            signIn(host, "Hana", path(room));
            joinFromPrejoin(host, "Hana");
            assertThat(host.getByTestId("conference")).isVisible(SERVER_SAYS);
            assertThat(host.getByTestId("security-button")).isVisible();
            assertThat(ownRosterEntry(host).getByTestId("moderator-badge")).isVisible();

            assertThat(guest.getByTestId("conference")).isVisible(SERVER_SAYS);
            for (Page page : List.of(host, guest)) {
                assertRoster(page, "Gus", "Hana");
            }
            assertThat(guest.getByTestId("security-button")).isHidden();
            assertThat(ownRosterEntry(guest).getByTestId("moderator-badge")).isHidden();

            host.reload();
            assertThat(host.getByTestId("conference")).isVisible(SERVER_SAYS);
            assertThat(host.getByTestId("security-button")).isVisible();
            assertThat(ownRosterEntry(host).getByTestId("moderator-badge")).isVisible();
            assertRoster(host, "Gus", "Hana");
            assertRoster(guest, "Gus", "Hana");

            // Out and in again through a new join: the role follows who she is, not a kept place.
            // A moderator's Leave opens a menu: leave, or end the meeting for everyone.
            host.getByTestId("leave-button").click();
            host.getByTestId("leave-meeting").click();
            assertThat(host.getByTestId("left")).isVisible(SERVER_SAYS);
            assertRoster(guest, "Gus");
            assertThat(guest.getByTestId("security-button")).isVisible(SERVER_SAYS);
            host.getByTestId("rejoin-button").click();
            assertThat(host.getByTestId("conference")).isVisible(SERVER_SAYS);
            assertThat(host.getByTestId("security-button")).isVisible();
            assertThat(ownRosterEntry(host).getByTestId("moderator-badge")).isVisible();
            assertRoster(host, "Gus", "Hana");
        }
    }

    @Test
    void aModeratorTurnsTheLobbyOnChatsWithAKnockerAndLetsThemInThenTurnsAnotherAwayWithAMessage() {
        String room = "Lobby" + suffix();
        try (BrowserContext hostContext = newContext(); BrowserContext gusContext = newContext();
                BrowserContext rexContext = newContext()) {
            Page host = host(hostContext, room, "Hana");
            host.getByTestId("security-button").click();
            assertThat(host.getByTestId("security-dialog")).isVisible();
            host.getByTestId("lobby-switch").check();
            assertThat(host.getByTestId("access-lobby")).isVisible(SERVER_SAYS);
            host.getByTestId("security-dialog-close").click();

            Page gus = open(gusContext.newPage(), room);
            joinFromPrejoin(gus, "Gus");
            assertThat(gus.getByTestId("waiting-lobby")).isVisible(SERVER_SAYS);
            gus.getByTestId("lobby-chat-input").fill("Hello, I am Gus from the physics group");
            gus.getByTestId("lobby-chat-send").click();
            assertThat(gus.getByTestId("lobby-chat-log")).containsText("Hello, I am Gus from the physics group");

            Locator gusKnock = knockOf(host, "Gus");
            assertThat(gusKnock).isVisible(SERVER_SAYS);
            assertThat(host.getByTestId("knock-count")).isVisible();
            String gusKnockId = gusKnock.getAttribute("data-knock-id");
            host.getByTestId("knock-chat-" + gusKnockId).click();
            assertThat(host.getByTestId("lobby-chat-log-" + gusKnockId))
                    .containsText("Hello, I am Gus from the physics group", new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            host.getByTestId("lobby-chat-input-" + gusKnockId).fill("Welcome, one moment please");
            host.getByTestId("lobby-chat-send-" + gusKnockId).click();
            assertThat(gus.getByTestId("lobby-chat-log"))
                    .containsText("Welcome, one moment please", new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            screenshot(host, "lobby-host.png");

            host.getByTestId("admit-" + gusKnockId).click();
            assertThat(gus.getByTestId("conference")).isVisible(SERVER_SAYS);
            assertRoster(gus, "Gus", "Hana");
            assertRoster(host, "Gus", "Hana");
            assertThat(gusKnock).hasCount(0);

            Page rex = open(rexContext.newPage(), room);
            joinFromPrejoin(rex, "Rex");
            assertThat(rex.getByTestId("waiting-lobby")).isVisible(SERVER_SAYS);
            Locator rexKnock = knockOf(host, "Rex");
            assertThat(rexKnock).isVisible(SERVER_SAYS);
            host.getByTestId("reject-" + rexKnock.getAttribute("data-knock-id")).click();
            assertThat(host.getByTestId("reject-dialog")).isVisible();
            host.getByTestId("reject-message").fill("Members of the seminar only today, sorry");
            host.getByTestId("reject-confirm").click();

            assertThat(rex.getByTestId("rejected-page")).isVisible(SERVER_SAYS);
            assertThat(rex.getByTestId("moderator-message")).hasText("Members of the seminar only today, sorry");
            assertThat(rexKnock).hasCount(0);
            assertRoster(host, "Gus", "Hana");

            // "Ask again" knocks anew; this time the moderator lets him in.
            rex.getByTestId("rejoin-button").click();
            assertThat(rex.getByTestId("waiting-lobby")).isVisible(SERVER_SAYS);
            assertThat(rexKnock).isVisible(SERVER_SAYS);
            host.getByTestId("admit-" + rexKnock.getAttribute("data-knock-id")).click();
            assertThat(rex.getByTestId("conference")).isVisible(SERVER_SAYS);
            assertRoster(host, "Gus", "Hana", "Rex");
        }
    }

    @Test
    void aGuestIsAskedForTheRoomPasswordAndEntersOnlyWithTheRightOne() {
        String room = "Password" + suffix();
        try (BrowserContext hostContext = newContext(); BrowserContext guestContext = newContext()) {
            Page host = host(hostContext, room, "Hana");
            host.getByTestId("security-button").click();
            host.getByTestId("password-set-input").fill("correct horse battery");
            host.getByTestId("password-set-button").click();
            assertThat(host.getByTestId("password-remove-button")).isVisible(SERVER_SAYS);
            assertThat(host.getByTestId("access-password")).isVisible();
            host.getByTestId("security-dialog-close").click();

            Page guest = open(guestContext.newPage(), room);
            joinFromPrejoin(guest, "Gus");
            assertThat(guest.getByTestId("password-dialog")).isVisible(SERVER_SAYS);
            guest.getByTestId("password-input").fill("wrong horse");
            guest.getByTestId("password-submit").click();
            assertThat(guest.getByTestId("password-dialog")).isVisible(SERVER_SAYS);
            assertThat(guest.getByTestId("password-error")).hasText("Wrong password");
            assertThat(guest.getByTestId("password-input")).hasAttribute("aria-invalid", "true");
            assertThat(guest.getByTestId("conference")).isHidden();

            guest.getByTestId("password-input").fill("correct horse battery");
            guest.getByTestId("password-submit").click();
            assertThat(guest.getByTestId("conference")).isVisible(SERVER_SAYS);
            assertRoster(guest, "Gus", "Hana");
            assertRoster(host, "Gus", "Hana");
        }
    }

    @Test
    void aGuestRemovedMayComeBackButOnceBannedIsToldSoAndCannotComeBackFromTheSameBrowser() {
        String room = "Ban" + suffix();
        try (BrowserContext hostContext = newContext(); BrowserContext guestContext = newContext()) {
            Page host = host(hostContext, room, "Hana");
            Page guest = open(guestContext.newPage(), room);
            joinFromPrejoin(guest, "Gus");
            assertThat(guest.getByTestId("conference")).isVisible(SERVER_SAYS);

            // Removed without a ban: told so, and free to come back.
            Locator gusEntry = host.getByTestId("roster-entry").filter(new Locator.FilterOptions().setHasText("Gus"));
            assertThat(gusEntry).isVisible(SERVER_SAYS);
            host.getByTestId("participant-actions-" + gusEntry.getAttribute("data-participant-id")).click();
            host.getByTestId("kick").click();
            host.getByTestId("kick-confirm").click();
            assertThat(guest.getByTestId("kicked-page")).isVisible(SERVER_SAYS);
            assertThat(guest.getByTestId("moderator-message")).hasCount(0);
            assertRoster(host, "Hana");
            guest.getByTestId("rejoin-button").click();
            assertThat(guest.getByTestId("conference")).isVisible(SERVER_SAYS);
            assertRoster(host, "Gus", "Hana");

            host.getByTestId("participant-actions-" + gusEntry.getAttribute("data-participant-id")).click();
            host.getByTestId("kick-ban").click();
            assertThat(host.getByTestId("kick-dialog")).isVisible();
            host.getByTestId("kick-message").fill("Please keep to the topic");
            host.getByTestId("kick-confirm").click();

            assertThat(guest.getByTestId("kicked-page")).isVisible(SERVER_SAYS);
            assertThat(guest.getByTestId("moderator-message")).hasText("Please keep to the topic");
            assertThat(guest.getByTestId("rejoin-button")).hasCount(0);
            assertRoster(host, "Hana");

            open(guest, room);
            joinFromPrejoin(guest, "Gus");
            assertThat(guest.getByTestId("banned-page")).isVisible(SERVER_SAYS);
            assertThat(guest.getByTestId("conference")).hasCount(0);
            assertRoster(host, "Hana");
        }
    }

    @Test
    void aGuestMadeModeratorSeesTheKnockAlreadyWaitingAndTurningTheLobbyOffLetsItIn() {
        String room = "Promote" + suffix();
        try (BrowserContext hostContext = newContext(); BrowserContext gusContext = newContext();
                BrowserContext rexContext = newContext()) {
            Page host = host(hostContext, room, "Hana");
            Page gus = open(gusContext.newPage(), room);
            joinFromPrejoin(gus, "Gus");
            assertThat(gus.getByTestId("conference")).isVisible(SERVER_SAYS);
            assertThat(gus.getByTestId("security-button")).isHidden();

            host.getByTestId("security-button").click();
            host.getByTestId("lobby-switch").check();
            assertThat(gus.getByTestId("access-lobby")).isVisible(SERVER_SAYS);
            host.getByTestId("security-dialog-close").click();
            Page rex = open(rexContext.newPage(), room);
            joinFromPrejoin(rex, "Rex");
            assertThat(rex.getByTestId("waiting-lobby")).isVisible(SERVER_SAYS);
            assertThat(knockOf(host, "Rex")).isVisible(SERVER_SAYS);
            assertThat(knockOf(gus, "Rex")).hasCount(0);

            Locator gusEntry = host.getByTestId("roster-entry").filter(new Locator.FilterOptions().setHasText("Gus"));
            host.getByTestId("participant-actions-" + gusEntry.getAttribute("data-participant-id")).click();
            host.getByTestId("make-moderator").click();
            assertThat(gusEntry.getByTestId("moderator-badge")).isVisible(SERVER_SAYS);
            assertThat(gus.getByTestId("security-button")).isVisible(SERVER_SAYS);
            assertThat(knockOf(gus, "Rex")).isVisible(SERVER_SAYS);

            gus.getByTestId("security-button").click();
            assertThat(gus.getByTestId("lobby-switch")).isChecked();
            gus.getByTestId("lobby-switch").uncheck();
            assertThat(rex.getByTestId("conference")).isVisible(SERVER_SAYS);
            for (Page page : List.of(host, gus, rex)) {
                assertRoster(page, "Gus", "Hana", "Rex");
                assertThat(page.getByTestId("access-lobby")).isHidden();
            }
            assertThat(knockOf(host, "Rex")).hasCount(0);
            assertThat(knockOf(gus, "Rex")).hasCount(0);
        }
    }

    private static BrowserContext newContext() {
        return browsers.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
    }
    private static Page open(Page page, String room) {
        page.navigate(server.url(path(room)));
        return page;
    }

    /** Exactly these people (plain names: they become a regular expression) in the page's roster, in any order. */
    private static void assertRoster(Page page, String... expected) {
        Locator names = page.getByTestId("roster").getByTestId("roster-name");
        assertThat(names).hasCount(expected.length, new LocatorAssertions.HasCountOptions().setTimeout(20_000));
        for (String name : expected) {
            assertThat(names.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^" + name + "$"))))
                    .hasCount(1);
        }
    }

    private static Locator ownRosterEntry(Page page) {
        String selfId = page.locator("[data-testid=tile][data-self=true]").first().getAttribute("data-participant-id");
        return page.locator("[data-testid=roster-entry][data-participant-id='" + selfId + "']");
    }

    private static Locator knockOf(Page host, String name) {
        return host.locator("[data-knock-id]").filter(new Locator.FilterOptions().setHasText(name));
    }

    private static void screenshot(Page page, String file) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(file)));
    }
}
