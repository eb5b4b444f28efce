package org.parley.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Polls and a moderator's mutes as people meet them, in real headless Chromium against the whole
 * server: a poll is created, two people vote and both see the same counts; a moderator mutes a
 * guest, whose microphone button then shows muted. A signed-in host starts each room.
 */
class PollsAndMutesBrowserIT extends BrowserTest {

    private static final LocatorAssertions.HasCountOptions COUNT_SOON =
            new LocatorAssertions.HasCountOptions().setTimeout(20_000);
    private static final LocatorAssertions.HasTextOptions TEXT_SOON =
            new LocatorAssertions.HasTextOptions().setTimeout(20_000);
    private static final LocatorAssertions.HasAttributeOptions ATTRIBUTE_SOON =
            new LocatorAssertions.HasAttributeOptions().setTimeout(20_000);

    @Test
    void aPollIsCreatedTwoPeopleVoteAndBothSeeTheSameCounts() {
        String room = "Poll" + suffix();
        try (BrowserContext hostContext = newContext(); BrowserContext gusContext = newContext()) {
            Page host = host(hostContext, room, "Hana");
            Page gus = guest(gusContext, room, "Gus");
            for (Page page : List.of(host, gus)) {
                assertThat(page.getByTestId("roster").getByTestId("roster-name")).hasCount(2, COUNT_SOON);
                page.getByTestId("toggle-chat").click();
                page.getByTestId("chat-tab-polls").click();
                assertThat(page.getByTestId("polls-panel")).isVisible();
            }

            host.getByTestId("create-poll").click();
            host.getByTestId("poll-question").fill("Lunch?");
            host.getByTestId("poll-choice-0").fill("Pizza");
            host.getByTestId("poll-choice-1").fill("Soup");
            host.getByTestId("poll-submit").click();

            Locator gusCard = gus.locator(".poll-card");
            assertThat(gusCard).hasCount(1, COUNT_SOON);
            String pollId = gusCard.getAttribute("data-testid").substring("poll-".length());
            assertThat(host.getByTestId("poll-" + pollId)).isVisible(SERVER_SAYS);
            assertThat(gus.getByTestId("poll-" + pollId)).containsText("Lunch?");

            host.getByTestId("poll-vote-" + pollId + "-0").click();
            assertThat(gus.getByTestId("poll-count-" + pollId + "-0")).hasText("1 (100%)", TEXT_SOON);
            gus.getByTestId("poll-vote-" + pollId + "-1").click();
            for (Page page : List.of(host, gus)) {
                assertThat(page.getByTestId("poll-count-" + pollId + "-0")).hasText("1 (50%)", TEXT_SOON);
                assertThat(page.getByTestId("poll-count-" + pollId + "-1")).hasText("1 (50%)", TEXT_SOON);
            }
            assertThat(gus.getByTestId("poll-vote-" + pollId + "-1")).hasAttribute("aria-pressed", "true", ATTRIBUTE_SOON);
            assertThat(gus.getByTestId("poll-close-" + pollId)).hasCount(0);

            host.getByTestId("poll-close-" + pollId).click();
            assertThat(gus.getByTestId("poll-closed-" + pollId)).isVisible(SERVER_SAYS);
            assertThat(gus.getByTestId("poll-vote-" + pollId + "-0")).hasCount(0, COUNT_SOON);
            assertThat(gus.getByTestId("poll-count-" + pollId + "-0")).hasText("1 (50%)");
        }
    }

    @Test
    void aModeratorMutesAGuestWhoseMicrophoneButtonThenShowsMuted() {
        String room = "Mute" + suffix();
        try (BrowserContext hostContext = newContext(); BrowserContext gusContext = newContext()) {
            Page host = host(hostContext, room, "Hana");
            Page gus = guest(gusContext, room, "Gus");
            String gusId = selfId(gus);
            assertThat(host.getByTestId("roster").getByTestId("roster-name")).hasCount(2, COUNT_SOON);
            assertThat(gus.getByTestId("toggle-mic")).hasAttribute("aria-pressed", "false", ATTRIBUTE_SOON);

            host.getByTestId("participant-actions-" + gusId).click();
            host.getByTestId("mute-audio").click();

            assertThat(gus.getByTestId("toggle-mic")).hasAttribute("aria-pressed", "true", ATTRIBUTE_SOON);
            assertThat(gus.getByTestId("toast")).containsText("A moderator muted you");
        }
    }

    private static BrowserContext newContext() {
        return browsers.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
    }

    private static String selfId(Page page) {
        Locator self = page.locator("[data-testid=tile][data-self=true]").first();
        assertThat(self).isVisible(SERVER_SAYS);
        return self.getAttribute("data-participant-id");
    }

}
