import type { ClientMessage, ServerMessage } from '../signal/protocol';
import type { CredentialStore, Credentials, SignalSocket, SocketHandlers, Timers } from '../signal/signal-client';

/** Test doubles for the SignalClient's seams: a scripted socket, a manual clock, in-memory storage. */

export class FakeSocket implements SignalSocket {
  readonly sent: ClientMessage[] = [];
  closedWith: number | undefined;
  constructor(readonly url: string, readonly protocol: string, private readonly handlers: SocketHandlers) {}
  send(text: string): void {
    this.sent.push(JSON.parse(text) as ClientMessage);
  }
  close(code?: number): void {
    this.closedWith = code ?? 1000;
  }
  open(): void {
    this.handlers.open();
  }
  receive(message: ServerMessage): void {
    this.handlers.message(JSON.stringify(message));
  }
  drop(): void {
    this.handlers.close();
  }
  last(): ClientMessage {
    const message = this.sent.at(-1);
    if (!message) throw new Error('nothing sent');
    return message;
  }
}

export class ManualTimers implements Timers {
  private time = 0;
  private nextId = 1;
  private readonly tasks = new Map<number, { at: number; every?: number; run: () => void }>();
  now = () => this.time;
  setTimeout = (run: () => void, ms: number) => this.add(run, ms);
  setInterval = (run: () => void, ms: number) => this.add(run, ms, ms);
  clearTimeout = (handle: unknown) => void this.tasks.delete(handle as number);
  clearInterval = (handle: unknown) => void this.tasks.delete(handle as number);
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.tasks.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, task] = due;
      this.time = task.at;
      if (task.every) task.at += task.every;
      else this.tasks.delete(id);
      task.run();
    }
    this.time = end;
  }
  /** Time passes but every pending timer is held back by as much (a throttled background tab). */
  holdBack(ms: number): void {
    this.time += ms;
    for (const task of this.tasks.values()) task.at += ms;
  }
  private add(run: () => void, ms: number, every?: number): number {
    const id = this.nextId++;
    this.tasks.set(id, every ? { at: this.time + ms, every, run } : { at: this.time + ms, run });
    return id;
  }
}

export class MemoryCredentials implements CredentialStore {
  readonly places = new Map<string, Credentials>();
  load = (room: string) => this.places.get(room.toLowerCase()) ?? null;
  save = (room: string, credentials: Credentials) => void this.places.set(room.toLowerCase(), credentials);
  clear = (room: string) => void this.places.delete(room.toLowerCase());
}
