package org.parley.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The browser client as a person uses it, in real headless Chromium against the whole server. */
class ClientJourneyIT extends BrowserTest {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @Test
    void aSignedInPersonGoesFromTheHomePageThroughThePreJoinScreenIntoTheConference() {
        try (BrowserContext context = browsers.browser().newContext()) {
            Page page = context.newPage();
            signIn(page, "Ada", "/");
            page.getByTestId("generate-room").click();
            String room = page.getByTestId("room-input").inputValue();
            assertTrue(room.matches("[A-Za-z]+[0-9]+"), "a readable generated name: " + room);
            screenshot(page, "home.png");

            page.getByTestId("go-button").click();
            assertThat(page).hasURL(Pattern.compile(".*/" + room + "$"));
            assertThat(page.getByTestId("prejoin")).isVisible();
            assertThat(page.getByTestId("preview-video")).isVisible();
            assertThat(page.getByTestId("signed-in-name")).hasText("Ada");
            page.getByTestId("display-name").fill("Ada");
            screenshot(page, "prejoin.png");
            page.getByTestId("accept-terms").check();
            page.getByTestId("join-button").click();

            assertThat(page.getByTestId("conference")).isVisible();
            assertThat(page.locator("[data-testid=tile][data-self=true]")).hasCount(1);
        }
    }

    @Test
    void theSelfTestFromTheHomePageTurnsEveryCheckGreenIncludingARealMediaConnectionForAGuest() {
        try (BrowserContext context = browsers.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(server.url("/"));
            page.getByTestId("self-test-link").click();
            page.getByTestId("self-test-start").click();

            for (String check : List.of("browser", "camera", "microphone", "signalling", "media")) {
                assertThat(page.getByTestId("check-" + check))
                        .hasAttribute("data-state", "passed", new com.microsoft.playwright.assertions.LocatorAssertions
                                .HasAttributeOptions().setTimeout(45_000));
            }
            screenshot(page, "self-test.png");
        }
    }

    @Test
    void nobodyJoinsWithoutAcceptingTheTermsOfUse() {
        try (BrowserContext context = browsers.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(server.url("/Terms" + suffix()));
            page.getByTestId("display-name").fill("Ada");

            assertThat(page.getByTestId("join-button")).isDisabled();
            assertThat(page.getByTestId("terms-hint")).isVisible();
            page.getByTestId("accept-terms").check();
            assertThat(page.getByTestId("join-button")).isEnabled();
        }
    }

    @Test
    void twoParticipantsSeeEachOthersTilesAndNames() {
        String room = "Tiles" + suffix();
        try (BrowserContext adaContext = browsers.browser().newContext();
                BrowserContext bobContext = browsers.browser().newContext()) {
            Page ada = host(adaContext.newPage(), room, "Ada");
            Page bob = join(bobContext.newPage(), room, "Bob");

            for (Page page : List.of(ada, bob)) {
                assertThat(page.getByTestId("tile")).hasCount(2);
                for (String name : List.of("Ada", "Bob")) {
                    assertThat(page.getByTestId("tile").filter(new Locator.FilterOptions().setHasText(name))).hasCount(1);
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void switchingToFrenchChangesEveryVisibleString() {
        try (BrowserContext context = browsers.browser().newContext()) {
            Page page = host(context.newPage(), "Langue" + suffix(), "Ada");
            Map<String, String> english = (Map<String, String>) page.evaluate(SHOWN_TEXTS);

            page.getByTestId("language-switch").first().selectOption("fr");

            assertThat(page.locator("html")).hasAttribute("lang", "fr");
            Map<String, String> french = (Map<String, String>) page.evaluate(SHOWN_TEXTS);
            assertTrue(english.size() >= 8, "the conference shows many translated strings: " + english.keySet());
            assertEquals(english.keySet(), french.keySet(), "the same things are shown, in another language");
            List<String> unchanged = english.keySet().stream()
                    .filter(key -> english.get(key).equals(french.get(key)) && !english.get(key).isBlank())
                    .filter(key -> !SAME_IN_BOTH_LANGUAGES.contains(key))
                    .toList();
            assertEquals(List.of(), unchanged, "strings left in English after switching");
            assertThat(page.getByTestId("leave-button")).not().hasAttribute("aria-label", english.getOrDefault(
                    "toolbar.leave", "Leave"));
        }
    }

    @Test
    void toolbarActionsToggleTheirState() {
        try (BrowserContext context = browsers.browser().newContext()) {
            Page page = host(context.newPage(), "Toolbar" + suffix(), "Ada");

            for (String toggle : List.of("toggle-mic", "toggle-camera")) {
                Locator button = page.getByTestId(toggle);
                String before = button.getAttribute("aria-pressed");
                button.click();
                assertThat(button).not().hasAttribute("aria-pressed", before);
                button.click();
                assertThat(button).hasAttribute("aria-pressed", before);
            }
            Locator stage = page.getByTestId("stage");
            String view = stage.getAttribute("data-view");
            page.getByTestId("toggle-view").click();
            assertThat(stage).not().hasAttribute("data-view", view);
            page.getByTestId("toggle-chat").click();
            assertThat(page.getByTestId("side-panel")).hasAttribute("data-open", "chat");
            page.getByTestId("toggle-participants").click();
            assertThat(page.getByTestId("side-panel")).hasAttribute("data-open", "participants");
            page.keyboard().press("m");
            assertThat(page.getByTestId("toggle-mic")).hasAttribute("aria-pressed", "true");
        }
    }

    @Test
    void aThreePersonConferenceWorksOnDesktopAndOnAPhoneWithoutSidewaysScrolling() {
        String room = "Trio" + suffix();
        Browser browser = browsers.browser();
        try (BrowserContext ada = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
                BrowserContext bob = browser.newContext();
                BrowserContext phone = browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2))) {
            Page adaPage = host(ada.newPage(), room, "Ada");
            join(bob.newPage(), room, "Bob");
            Page phonePage = join(phone.newPage(), room, "Cy");

            for (Page page : List.of(adaPage, phonePage)) {
                assertThat(page.getByTestId("tile")).hasCount(3);
                assertThat(page.locator("[data-testid=tile-video]").first()).isVisible();
            }
            Number overflow = (Number) phonePage.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertEquals(0, overflow.intValue(), "the phone page scrolls sideways");
            screenshot(adaPage, "conference-desktop.png");
            screenshot(phonePage, "conference-phone.png");
        }
    }

    /** The brand, and "Participants", are written the same in French. */
    private static final List<String> SAME_IN_BOTH_LANGUAGES = List.of("app.name", "roster.title");

    private static final String SHOWN_TEXTS = """
            () => Object.fromEntries([...document.querySelectorAll('[data-i18n]')]
                .filter(e => e.offsetParent !== null)
                .map(e => [e.getAttribute('data-i18n'), e.textContent.trim()]))
            """;

    /** The first one in: a signed-in member, who starts the conference (guests would wait for a host). */
    private static Page host(Page page, String room, String name) {
        signIn(page, name, "/" + room + "?video=320x240");
        return join(page, room, name);
    }

    private static Page join(Page page, String room, String name) {
        page.navigate(server.url("/" + room + "?video=320x240"));
        page.getByTestId("display-name").fill(name);
        page.getByTestId("accept-terms").check();
        page.getByTestId("join-button").click();
        assertThat(page.getByTestId("conference")).isVisible();
        return page;
    }


    private static void screenshot(Page page, String file) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(file)));
    }
}
