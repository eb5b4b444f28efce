/**
 * The two ways negotiations are kept in line. WebRTC allows one offer/answer exchange at a time
 * per connection, and the order of the server's offers matters.
 */

/** Runs tasks one after the other in the order they were pushed (the server's subscribe offers). */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  private epoch = 0;

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Resolves once this task has run (or was dropped by clear). Never rejects: errors go to onError. */
  push(task: () => Promise<void>): Promise<void> {
    const epoch = this.epoch;
    const run = async () => {
      if (epoch !== this.epoch) return;
      try {
        await task();
      } catch (error) {
        this.onError(error);
      }
    };
    this.tail = this.tail.then(run);
    return this.tail;
  }

  /** Drops the tasks that have not started yet; one already running finishes. */
  clear(): void {
    this.epoch++;
  }
}

/**
 * Runs a task on request, never twice at once: requests that come while it runs are folded into
 * one more run after it (the publish offer: screen share on, then off, before the first answer
 * came back gives two offers, not three, and never two in flight).
 */
export class CoalescingRunner {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  get busy(): boolean {
    return this.running !== null;
  }

  /** Resolves when a run that started after this request has finished. Never rejects. */
  request(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop();
    return this.running;
  }

  private async loop(): Promise<void> {
    for (;;) {
      this.again = false;
      try {
        await this.task();
      } catch (error) {
        this.onError(error);
      }
      // Decided in the same turn as `running` is cleared, so no request falls between the two.
      if (!this.again) {
        this.running = null;
        return;
      }
    }
  }
}
