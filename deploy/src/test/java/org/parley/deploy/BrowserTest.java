package org.parley.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A browser test class gets the whole server and one headless Chromium, shared by its tests. */
abstract class BrowserTest {

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
}
