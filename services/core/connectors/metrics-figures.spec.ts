import { ConnectorError } from './connector.errors';
import { countSchema, optionalFigure, sumKnown, utcDay } from './metrics-figures';

describe('metrics figures', () => {
  it('reads counts as numbers or as the decimal strings YouTube sends', () => {
    expect(countSchema.parse(12)).toBe(12);
    expect(countSchema.parse('1234567')).toBe(1234567);
    expect(countSchema.safeParse(-1).success).toBe(false);
    expect(countSchema.safeParse('1.5').success).toBe(false);
  });

  it('sums what is given and calls a sum of unknowns unknown, not 0', () => {
    expect(sumKnown(1, null, 2, undefined)).toBe(3);
    expect(sumKnown(0, null)).toBe(0);
    expect(sumKnown(null, undefined)).toBeNull();
  });

  it('turns a missing permission into a null figure and lets every other failure through', async () => {
    const missing = new ConnectorError('permanent', 'GET /x: no permission', { health: 'missing_permissions' });
    await expect(optionalFigure(() => Promise.reject(missing))).resolves.toBeNull();
    const revoked = new ConnectorError('auth', 'GET /x: revoked', { health: 'token_revoked' });
    await expect(optionalFigure(() => Promise.reject(revoked))).rejects.toBe(revoked);
    await expect(optionalFigure(() => Promise.reject(new ConnectorError('rate_limited', 'GET /x')))).rejects.toThrow();
  });

  it('bounds a UTC day and refuses anything but YYYY-MM-DD', () => {
    expect(utcDay('2026-03-02')).toEqual({
      start: new Date('2026-03-02T00:00:00Z'),
      end: new Date('2026-03-03T00:00:00Z'),
    });
    expect(() => utcDay('2026-3-2')).toThrow(ConnectorError);
  });
});
