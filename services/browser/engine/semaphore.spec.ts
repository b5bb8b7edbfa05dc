import { Semaphore } from './semaphore';

describe('Semaphore', () => {
  it('queues beyond the cap and hands slots over in order', async () => {
    const sem = new Semaphore(2);
    const order: string[] = [];
    const a = await sem.acquire();
    const b = await sem.acquire();
    const c = sem.acquire().then((release) => (order.push('c'), release));
    const d = sem.acquire().then((release) => (order.push('d'), release));
    await Promise.resolve();
    expect({ running: sem.running, queued: sem.queued }).toEqual({ running: 2, queued: 2 });
    a();
    a(); // a second release of the same slot is ignored
    const releaseC = await c;
    expect(order).toEqual(['c']);
    expect({ running: sem.running, queued: sem.queued }).toEqual({ running: 2, queued: 1 });
    b();
    const releaseD = await d;
    expect(order).toEqual(['c', 'd']);
    releaseC();
    releaseD();
    expect(sem.running).toBe(0);
  });

  it('refuses the waiting on shutdown and keeps holders', async () => {
    const sem = new Semaphore(1);
    const held = await sem.acquire();
    const waiting = sem.acquire();
    sem.refuseWaiting(new Error('closing'));
    await expect(waiting).rejects.toThrow('closing');
    expect(sem.running).toBe(1);
    held();
    expect(sem.running).toBe(0);
  });

  it('refuses a cap that is not a positive integer', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
    expect(() => new Semaphore(1.5)).toThrow(RangeError);
  });
});
