import { ANONYMOUS, type Me } from '../app/me';
import { capturePreferenceStore, receivePreferenceStore } from '../app/storage';
import { createLocale, type Locale } from '../i18n/i18n';
import { DEFAULT_CAPTURE } from '../media/capture-settings';
import { MediaSession } from '../media/media-session';
import type { ServerMessage, WireParticipant } from '../signal/protocol';
import { SignalClient } from '../signal/signal-client';
import type { FormFactorSource } from '../ui/form-factor';
import { mountRoomPage } from '../ui/pages/room-page';
import type { FormFactor } from '../view/layout';
import { FakeSocket, ManualTimers, MemoryCredentials } from './fake-signalling';
import { FakeDevices, FakePeerConnections, offerSdp, settle } from './fake-webrtc';

/**
 * The room page mounted in happy-dom on fakes (socket, timers, peer connections, devices), with
 * the few moves its tests make: join, receive, push tracks, press keys.
 */
export const ROOM = 'LabMeeting';
export const ada: WireParticipant = { id: 'p-ada', displayName: 'Ada', role: 'ROLE_MODERATOR', language: 'en' };
export const bob: WireParticipant = { id: 'p-bob', displayName: 'Bob', role: 'ROLE_PARTICIPANT', language: 'en', audioMuted: true };

export class RoomHarness {
  readonly sockets: FakeSocket[] = [];
  readonly timers = new ManualTimers();
  readonly credentials = new MemoryCredentials();
  readonly pcs = new FakePeerConnections();
  readonly devices = new FakeDevices();
  readonly copied: string[] = [];
  readonly root: HTMLElement;
  readonly t: Locale;
  form: FormFactor = 'desktop';
  readonly client: SignalClient;
  readonly media: MediaSession;

  /** How often the page asked who is signed in. */
  meRequests = 0;

  /** `stored`: what localStorage holds when the page opens (key -> JSON value); `me`: the fake GET /api/v1/me. */
  constructor(language = 'en', form: FormFactor = 'desktop', stored: Record<string, unknown> = {}, me: Me = ANONYMOUS) {
    localStorage.clear();
    for (const [key, value] of Object.entries(stored)) localStorage.setItem(key, JSON.stringify(value));
    document.body.replaceChildren();
    this.root = document.createElement('div');
    document.body.appendChild(this.root);
    this.form = form;
    this.t = createLocale(language);
    this.client = new SignalClient({
      url: 'ws://localhost/api/v1/signal',
      room: ROOM,
      createSocket: (url, protocol, handlers) => {
        const socket = new FakeSocket(url, protocol, handlers);
        this.sockets.push(socket);
        return socket;
      },
      credentials: this.credentials,
      timers: this.timers,
      random: () => 0,
    });
    this.media = new MediaSession({
      signal: this.client,
      createPeerConnection: this.pcs.factory,
      devices: this.devices,
      capture: DEFAULT_CAPTURE,
      preferences: receivePreferenceStore,
      capturePreferences: capturePreferenceStore,
      timers: this.timers,
      clock: () => this.timers.now(),
      random: () => 0,
    });
    const formFactor: FormFactorSource = { get: () => this.form, roomy: () => this.form === 'desktop', onChange: () => undefined };
    mountRoomPage(this.root, this.t, ROOM, {
      client: this.client,
      media: this.media,
      pageUrl: () => `http://localhost/${ROOM}`,
      copyText: async (text) => {
        this.copied.push(text);
        return true;
      },
      formFactor,
      me: async () => {
        this.meRequests++;
        return me;
      },
    });
  }

  socket(): FakeSocket {
    const s = this.sockets.at(-1);
    if (!s) throw new Error('no socket');
    return s;
  }

  byTestId<E extends HTMLElement = HTMLElement>(id: string): E | null {
    return document.querySelector<E>(`[data-testid="${id}"]`);
  }

  all(id: string): HTMLElement[] {
    return [...document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  }

  tile(id: string): HTMLElement | null {
    return document.querySelector<HTMLElement>(`[data-testid="tile"][data-participant-id="${id}"]`);
  }

  /** In the page and not inside anything hidden. */
  visible(element: Element | null): boolean {
    return element !== null && element.isConnected && element.closest('[hidden]') === null;
  }

  /** Name, terms, Join, and the socket opens: the join is sent, not answered yet. */
  startJoin(name = 'Ada'): string {
    const input = this.byTestId<HTMLInputElement>('display-name');
    if (!input) throw new Error('no display name field');
    input.value = name;
    const terms = this.byTestId<HTMLInputElement>('accept-terms');
    if (terms && !terms.checked) terms.click();
    this.byTestId<HTMLButtonElement>('join-button')?.click();
    this.socket().open();
    return this.socket().last().requestId;
  }

  /** Name, terms, Join; then the server lets us in with this roster. */
  async enter(...roster: WireParticipant[]): Promise<void> {
    const input = this.byTestId<HTMLInputElement>('display-name');
    if (!input) throw new Error('no display name field');
    input.value = 'Ada';
    this.byTestId<HTMLInputElement>('accept-terms')?.click();
    this.byTestId<HTMLButtonElement>('join-button')?.click();
    this.socket().open();
    this.socket().receive(joined(this.socket().last().requestId, ...(roster.length > 0 ? roster : [ada, bob])));
    await settle();
  }

  /** The server forwards these tracks of these people. */
  pushTracks(tracks: Array<{ mid: string; kind: 'audio' | 'video'; source: string; participantId: string }>, version = '1'): void {
    this.socket().receive({
      subscribeOffer: {
        sdp: offerSdp(...tracks.map(({ mid, kind }) => ({ mid, kind }))),
        version,
        tracks: tracks.map(({ mid, source, participantId }) => ({ mid, source: source as 'MEDIA_SOURCE_CAMERA', participantId })),
      },
    });
  }

  press(key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
    target.dispatchEvent(event);
    return event;
  }
}

export function joined(requestId: string, ...roster: WireParticipant[]): ServerMessage {
  return {
    requestId,
    joined: {
      participantId: 'p-ada', resumeToken: 'tok', role: 'ROLE_MODERATOR', heartbeatIntervalMillis: '10000',
      conference: { room: ROOM.toLowerCase(), instance: '1', roster },
    },
  };
}

export const BOB_TRACKS = [
  { mid: '0', kind: 'audio' as const, source: 'MEDIA_SOURCE_MICROPHONE', participantId: 'p-bob' },
  { mid: '1', kind: 'video' as const, source: 'MEDIA_SOURCE_CAMERA', participantId: 'p-bob' },
];
