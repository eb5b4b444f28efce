import './styles/main.css';
import { fetchMe } from './app/me';
import { resolveRoute } from './app/router';
import { capturePreferenceStore, loadLanguage, receivePreferenceStore, sessionCredentialStore } from './app/storage';
import { browserLanguages, createLocale, initialLanguage } from './i18n/i18n';
import { browserMediaDevices, browserPeerConnectionFactory } from './media/browser-rtc';
import { captureSettingsFromQuery } from './media/capture-settings';
import { MediaSession } from './media/media-session';
import { createMediaTestHook } from './media/test-hook';
import { createI18nTestHook } from './ui/i18n-test-hook';
import { signalUrl } from './signal/protocol';
import { browserSocketFactory, browserTimers, SignalClient } from './signal/signal-client';
import { copyText } from './ui/clipboard';
import { mountHomePage } from './ui/pages/home-page';
import { mountMessagePage } from './ui/pages/message-page';
import { mountRoomPage } from './ui/pages/room-page';
import { mountSelfTestPage } from './ui/pages/self-test-page';
import { createChecks } from './selftest/checks';

/** The composition root: picks the language and the page from the address, wires the real browser. */
function start(): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('index.html has no #app element');
  // The language chosen in a menu before, else the browser's.
  const t = createLocale(initialLanguage(loadLanguage(), browserLanguages()));
  document.documentElement.lang = t.language;
  window.parleyI18n = createI18nTestHook(t, root);

  const route = resolveRoute(location.pathname);
  switch (route.kind) {
    case 'home':
      mountHomePage(root, t, { navigate: (path) => location.assign(path) });
      break;
    case 'self-test':
      mountSelfTestPage(root, t, {
        timers: browserTimers,
        createChecks: () => createChecks({
          features: {
            peerConnection: typeof RTCPeerConnection === 'function',
            getUserMedia: typeof navigator.mediaDevices?.getUserMedia === 'function',
            webSocket: typeof WebSocket === 'function',
          },
          devices: browserMediaDevices(),
          signalUrl: signalUrl(location),
          createSocket: browserSocketFactory,
          createPeerConnection: browserPeerConnectionFactory,
          timers: browserTimers,
          random: Math.random,
          language: () => t.language,
        }),
      });
      break;
    case 'room': {
      const client = new SignalClient({
        url: signalUrl(location),
        room: route.room,
        createSocket: browserSocketFactory,
        credentials: sessionCredentialStore,
      });
      const media = new MediaSession({
        signal: client,
        createPeerConnection: browserPeerConnectionFactory,
        devices: browserMediaDevices(),
        capture: captureSettingsFromQuery(location.search),
        preferences: receivePreferenceStore,
        capturePreferences: capturePreferenceStore,
        timers: browserTimers,
        clock: () => performance.now(),
      });
      window.parleyMedia = createMediaTestHook(media);
      mountRoomPage(root, t, route.room, { client, media, pageUrl: () => location.href, copyText, me: fetchMe });
      break;
    }
    case 'invalid-room':
    case 'not-found':
      mountMessagePage(root, t, route.kind);
      break;
  }
}

start();
