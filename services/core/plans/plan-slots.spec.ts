import { randomUUID } from 'node:crypto';
import type { PlanRequestInput, PlanRequestSpec } from './plan-request';
import { planRequestSchema } from './plan-request';
import { generateSlots, targetsWithoutFormat } from './plan-slots';
import { nextPeriod } from './plan-period';
import { localDateOf, zonedInstant } from './zoned-instant';

const A = randomUUID();
const B = randomUUID();

function request(over: Partial<PlanRequestInput> = {}): PlanRequestSpec {
  return planRequestSchema.parse({
    goals: 'Grow the newsletter',
    startDate: '2026-03-23',
    endDate: '2026-04-05',
    timezone: 'Europe/Berlin',
    targets: [{ platformAccountId: A, platform: 'sandbox', postsPerWeek: 3 }],
    pillars: [{ name: 'tips', weight: 1 }],
    formats: [],
    requiresApproval: true,
    ...over,
  });
}

describe('zonedInstant: a local wall clock in the client timezone, DST-safe', () => {
  it('keeps 09:30 local on both sides of the spring change', () => {
    expect(zonedInstant('2026-03-28', '09:30', 'Europe/Berlin').toISOString()).toBe('2026-03-28T08:30:00.000Z');
    expect(zonedInstant('2026-03-29', '09:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T07:30:00.000Z');
    expect(zonedInstant('2026-11-01', '09:30', 'America/New_York').toISOString()).toBe('2026-11-01T14:30:00.000Z');
    expect(zonedInstant('2026-10-31', '09:30', 'America/New_York').toISOString()).toBe('2026-10-31T13:30:00.000Z');
  });

  it('moves a skipped time forward by the gap and takes the first of a repeated one', () => {
    // 02:30 does not exist in Berlin on 2026-03-29; 02:30 happens twice on 2026-10-25.
    expect(zonedInstant('2026-03-29', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedInstant('2026-10-25', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedInstant('2026-06-01', '00:00', 'Asia/Kolkata').toISOString()).toBe('2026-05-31T18:30:00.000Z');
  });

  it('reads the local date of an instant', () => {
    expect(localDateOf(new Date('2026-05-31T23:30:00Z'), 'Europe/Berlin')).toBe('2026-06-01');
    expect(localDateOf(new Date('2026-06-01T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-05-31');
  });
});

describe('generateSlots', () => {
  it('spreads posts per week over each week at the posting time, in the client timezone across DST', () => {
    const slots = generateSlots(request());
    expect(slots).toHaveLength(6);
    expect(slots.map((s) => s.localDate)).toEqual([
      '2026-03-23',
      '2026-03-25',
      '2026-03-27',
      '2026-03-30',
      '2026-04-01',
      '2026-04-03',
    ]);
    expect(new Set(slots.map((s) => s.localTime))).toEqual(new Set(['09:30']));
    // 09:30 Berlin is 08:30Z before the change (CET) and 07:30Z after it (CEST).
    expect(slots[0].slotAt).toBe('2026-03-23T08:30:00.000Z');
    expect(slots[3].slotAt).toBe('2026-03-30T07:30:00.000Z');
    expect(slots.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('gives a partial last week its share, and more posts than days use every posting time', () => {
    const partial = generateSlots(request({ startDate: '2026-06-01', endDate: '2026-06-10' }));
    expect(partial).toHaveLength(3 + 1); // 3 in the full week, round(3 * 3 / 7) = 1 in the three days after it
    const dense = generateSlots(
      request({
        startDate: '2026-06-01',
        endDate: '2026-06-07',
        targets: [{ platformAccountId: A, platform: 'sandbox', postsPerWeek: 10, postingTimes: ['18:00', '08:00'] }],
      }),
    );
    expect(dense).toHaveLength(10);
    expect(new Set(dense.map((s) => `${s.localDate} ${s.localTime}`)).size).toBe(10);
    expect(new Set(dense.map((s) => s.localTime))).toEqual(new Set(['08:00', '18:00']));
  });

  it('rotates pillars by weight over the plan and formats over what each platform allows', () => {
    const slots = generateSlots(
      request({
        startDate: '2026-06-01',
        endDate: '2026-06-28',
        targets: [
          { platformAccountId: A, platform: 'sandbox', postsPerWeek: 5, postingTimes: ['09:30'] },
          { platformAccountId: B, platform: 'instagram', postsPerWeek: 4, postingTimes: ['12:00'] },
        ],
        pillars: [
          { name: 'product', weight: 3 },
          { name: 'community', weight: 1 },
        ],
        formats: [{ platform: 'instagram', formats: ['image', 'video'] }],
      }),
    );
    expect(slots).toHaveLength(36);
    const count = (p: string) => slots.filter((s) => s.pillar === p).length;
    expect(count('product')).toBe(27);
    expect(count('community')).toBe(9);
    const insta = slots.filter((s) => s.platformAccountId === B).map((s) => s.format);
    expect(insta.slice(0, 4)).toEqual(['image', 'video', 'image', 'video']);
    expect(new Set(slots.filter((s) => s.platformAccountId === A).map((s) => s.format))).toEqual(new Set(['text']));
    // in slot order, and the same request always gives the same plan
    expect([...slots].sort((a, b) => a.slotAt.localeCompare(b.slotAt)).map((s) => s.slotAt)).toEqual(
      slots.map((s) => s.slotAt),
    );
    expect(generateSlots(request())).toEqual(generateSlots(request()));
  });

  it("fills a queue target's free queue slots, postsPerWeek of them per week, spread evenly, with their local times", () => {
    // Free queue slots over two weeks (Mon/Wed/Fri 08:00 and 17:00 in Berlin; one Wednesday already taken):
    const free = ['2026-06-01', '2026-06-05', '2026-06-08', '2026-06-10', '2026-06-12'].flatMap((d) =>
      ['08:00', '17:00'].map((t) => zonedInstant(d, t, 'Europe/Berlin').toISOString()),
    );
    const slots = generateSlots(
      request({
        startDate: '2026-06-01',
        endDate: '2026-06-14',
        timezone: 'Europe/Berlin',
        targets: [
          { platformAccountId: A, platform: 'sandbox', postsPerWeek: 2, timing: 'queue', queueSlotsAt: free },
          // a slot outside the range is never used
          {
            platformAccountId: B,
            platform: 'sandbox',
            postsPerWeek: 1,
            timing: 'queue',
            queueSlotsAt: [zonedInstant('2026-07-01', '08:00', 'Europe/Berlin').toISOString()],
          },
        ],
      }),
    );
    expect(slots.every((s) => s.platformAccountId === A && s.timing === 'queue')).toBe(true);
    // week one has 4 free slots (Mon x2, Fri x2): 2 posts spread over them; week two has 6: 2 spread over them
    expect(slots.map((s) => `${s.localDate} ${s.localTime}`)).toEqual([
      '2026-06-01 08:00',
      '2026-06-05 08:00',
      '2026-06-08 08:00',
      '2026-06-10 17:00',
    ]);
    expect(slots.every((s) => free.includes(s.slotAt))).toBe(true);
    // fewer free slots than posts asked for: only the free ones
    const scarce = generateSlots(
      request({
        startDate: '2026-06-01',
        endDate: '2026-06-07',
        targets: [
          {
            platformAccountId: A,
            platform: 'sandbox',
            postsPerWeek: 5,
            timing: 'queue',
            queueSlotsAt: free.slice(0, 2),
          },
        ],
      }),
    );
    expect(scarce.map((s) => s.slotAt)).toEqual(free.slice(0, 2));
  });

  it("carries a target's cross-posts on each of its items and rotates formats over what all their platforms allow", () => {
    const C = randomUUID();
    const req = request({
      startDate: '2026-06-01',
      endDate: '2026-06-14',
      targets: [
        {
          platformAccountId: A,
          platform: 'instagram',
          postsPerWeek: 3,
          crossPosts: [{ platformAccountId: C, platform: 'facebook' }],
        },
      ],
      formats: [
        { platform: 'instagram', formats: ['image', 'video'] },
        { platform: 'facebook', formats: ['text', 'image'] },
      ],
    });
    const slots = generateSlots(req);
    expect(slots).toHaveLength(6);
    expect(slots.every((s) => s.crossPosts.length === 1 && s.crossPosts[0].platformAccountId === C)).toBe(true);
    // instagram allows image and video, facebook text and image: every item is an image
    expect(new Set(slots.map((s) => s.format))).toEqual(new Set(['image']));
    expect(targetsWithoutFormat(req)).toEqual([]);
    const none = request({
      targets: [
        {
          platformAccountId: A,
          platform: 'instagram',
          postsPerWeek: 1,
          crossPosts: [{ platformAccountId: C, platform: 'tiktok' }],
        },
      ],
      formats: [
        { platform: 'instagram', formats: ['image'] },
        { platform: 'tiktok', formats: ['video'] },
      ],
    });
    expect(targetsWithoutFormat(none).map((t) => t.platformAccountId)).toEqual([A]);
  });

  it('refuses an account that is both a target and a cross-post, or cross-posted twice', () => {
    const C = randomUUID();
    const ok = (targets: unknown[]) => planRequestSchema.safeParse({ ...request(), targets }).success;
    expect(
      ok([
        {
          platformAccountId: A,
          platform: 'sandbox',
          postsPerWeek: 1,
          crossPosts: [{ platformAccountId: C, platform: 'x' }],
        },
      ]),
    ).toBe(true);
    expect(
      ok([
        {
          platformAccountId: A,
          platform: 'sandbox',
          postsPerWeek: 1,
          crossPosts: [{ platformAccountId: A, platform: 'sandbox' }],
        },
      ]),
    ).toBe(false);
    expect(
      ok([
        {
          platformAccountId: A,
          platform: 'sandbox',
          postsPerWeek: 1,
          crossPosts: [{ platformAccountId: C, platform: 'x' }],
        },
        {
          platformAccountId: B,
          platform: 'sandbox',
          postsPerWeek: 1,
          crossPosts: [{ platformAccountId: C, platform: 'x' }],
        },
      ]),
    ).toBe(false);
    expect(
      ok([
        {
          platformAccountId: A,
          platform: 'sandbox',
          postsPerWeek: 1,
          crossPosts: [{ platformAccountId: B, platform: 'sandbox' }],
        },
        { platformAccountId: B, platform: 'sandbox', postsPerWeek: 1 },
      ]),
    ).toBe(false);
  });

  it('refuses a request that cannot make a plan', () => {
    const bad = (over: Record<string, unknown>) => planRequestSchema.safeParse({ ...request(), ...over }).success;
    expect(bad({ endDate: '2026-03-01' })).toBe(false);
    expect(bad({ startDate: '2026-02-30' })).toBe(false);
    expect(bad({ timezone: 'Mars/Olympus' })).toBe(false);
    expect(bad({ endDate: '2026-12-31' })).toBe(false);
    expect(
      bad({ targets: [{ platformAccountId: A, platform: 'sandbox', postsPerWeek: 3, postingTimes: ['25:00'] }] }),
    ).toBe(false);
    expect(bad({ targets: [] })).toBe(false);
  });
});

describe('nextPeriod', () => {
  it('plans the next whole week, or the next month, in the client timezone', () => {
    // Sunday 23:30 UTC is already Monday in Berlin: the next week starts a week later.
    expect(nextPeriod('weekly', new Date('2026-06-07T23:30:00Z'), 'Europe/Berlin')).toEqual({
      startDate: '2026-06-15',
      endDate: '2026-06-21',
    });
    expect(nextPeriod('weekly', new Date('2026-06-07T12:00:00Z'), 'Europe/Berlin')).toEqual({
      startDate: '2026-06-08',
      endDate: '2026-06-14',
    });
    expect(nextPeriod('monthly', new Date('2026-12-20T12:00:00Z'), 'Europe/Berlin')).toEqual({
      startDate: '2027-01-01',
      endDate: '2027-01-31',
    });
  });
});
