package org.parley.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton's promise, end to end through the real server (composition root, real
 * Cassandra) in real Chromium: two people open the same room and each sees both names. Ada, the
 * first, is signed in: only a member starts a conference.
 */
class TwoTabsSeeEachOtherIT extends BrowserTest {

    @Test
    void twoPeopleInTheSameRoomSeeBothNamesAndALeaverDisappears() throws Exception {
        String room = "Skeleton" + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext adaTab = browsers.browser().newContext();
                BrowserContext bobTab = browsers.browser().newContext()) {
            Page adaPage = adaTab.newPage();
            signIn(adaPage, "Ada", "/" + room);
            Page ada = joinAs(adaPage, room, "Ada");
            Page bob = joinAs(bobTab.newPage(), room, "Bob");

            assertThat(names(ada)).containsText(new String[] {"Ada", "Bob"});
            assertThat(names(bob)).containsText(new String[] {"Ada", "Bob"});
            screenshot(ada, "skeleton-two-tabs.png");

            bob.getByTestId("leave-button").click();

            assertThat(names(ada)).hasCount(1);
            assertThat(names(ada)).containsText(new String[] {"Ada"});
        }
    }

    private Page joinAs(Page page, String room, String name) {
        page.navigate(server.url("/" + room));
        page.getByTestId("display-name").fill(name);
        page.getByTestId("accept-terms").check();
        page.getByTestId("join-button").click();
        assertThat(page.getByTestId("roster")).isVisible();
        return page;
    }

    private static Locator names(Page page) {
        return page.getByTestId("roster").getByTestId("roster-name");
    }

    private static void screenshot(Page page, String file) throws Exception {
        Path dir = Paths.get("target", "screenshots");
        Files.createDirectories(dir);
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(file)).setFullPage(true));
    }
}
