import { describe, expect, it } from 'vitest';
import { deferred, settle } from '../test-support/fake-webrtc';
import { CoalescingRunner, SerialQueue } from './serial-queue';

describe('SerialQueue', () => {
  it('runsTasksOneAtATimeInTheOrderTheyCame', async () => {
    const log: string[] = [];
    const queue = new SerialQueue(() => undefined);
    const first = deferred();
    void queue.push(async () => {
      log.push('1 start');
      await first.promise;
      log.push('1 end');
    });
    void queue.push(async () => {
      log.push('2');
    });
    await settle();
    expect(log).toEqual(['1 start']);
    first.resolve();
    await settle();
    expect(log).toEqual(['1 start', '1 end', '2']);
  });

  it('aFailingTaskIsReportedAndTheNextOnesStillRun', async () => {
    const errors: unknown[] = [];
    const log: string[] = [];
    const queue = new SerialQueue((e) => errors.push(e));
    void queue.push(async () => {
      throw new Error('bad offer');
    });
    await queue.push(async () => {
      log.push('next');
    });
    expect(errors).toHaveLength(1);
    expect(log).toEqual(['next']);
  });

  it('clearDropsWhatHasNotStarted', async () => {
    const log: string[] = [];
    const queue = new SerialQueue(() => undefined);
    const first = deferred();
    void queue.push(async () => {
      await first.promise;
      log.push('1');
    });
    void queue.push(async () => {
      log.push('2');
    });
    await settle();
    queue.clear();
    first.resolve();
    await settle();
    expect(log).toEqual(['1']);
  });
});

describe('CoalescingRunner', () => {
  it('neverRunsTwiceAtOnceAndFoldsRequestsMadeMeanwhileIntoOneMoreRun', async () => {
    let runs = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const gates = [deferred(), deferred(), deferred()];
    const runner = new CoalescingRunner(async () => {
      const gate = gates[runs++];
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await gate?.promise;
      inFlight--;
    }, () => undefined);
    void runner.request();
    void runner.request();
    const third = runner.request();
    expect(runner.busy).toBe(true);
    gates[0]?.resolve();
    await settle();
    expect(runs).toBe(2);
    gates[1]?.resolve();
    await third;
    expect(runs).toBe(2);
    expect(maxInFlight).toBe(1);
    expect(runner.busy).toBe(false);
  });

  it('aFailedRunIsReportedAndTheNextRequestRunsAgain', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const runner = new CoalescingRunner(async () => {
      runs++;
      if (runs === 1) throw new Error('refused');
    }, (e) => errors.push(e));
    await runner.request();
    await runner.request();
    expect(runs).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
