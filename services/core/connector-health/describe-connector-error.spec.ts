import { ConnectorError } from '../connectors/connector.errors';
import { describeConnectorError } from './describe-connector-error';

const AT = new Date('2026-11-01T12:00:00.000Z');

describe('describeConnectorError', () => {
  it('words an error by its health signal and never copies its message', () => {
    const err = new ConnectorError(
      'permanent',
      'POST /{ig-user-id}/media_publish: @brand_secret said "zz-platform-text"',
      {
        status: 400,
        platformCode: '9007/2207051',
        health: 'action_blocked',
      },
    );
    const r = describeConnectorError(err, 'Instagram', AT);
    expect(r).toEqual({
      at: '2026-11-01T12:00:00.000Z',
      signal: 'action_blocked',
      kind: 'permanent',
      status: 400,
      platformCode: '9007/2207051',
      message: 'Instagram blocked publishing from this account as suspected spam',
      whatToDo: r.whatToDo,
    });
    expect(r.whatToDo).toContain('does not retry');
    expect(JSON.stringify(r)).not.toMatch(/brand_secret|media_publish|zz-platform-text/);
  });

  it('words an error without a signal by its kind', () => {
    const r = describeConnectorError(new ConnectorError('outcome_unknown', 'POST /2/tweets: timeout'), 'X', AT);
    expect(r).toMatchObject({ signal: null, kind: 'outcome_unknown', status: null, platformCode: null });
    expect(r.message).toBe('X did not say whether a request went through');
  });

  it('drops a platform code that is not shaped like one, and a status that is not HTTP', () => {
    const err = new ConnectorError('permanent', 'x', {
      status: 12345,
      platformCode: 'Invalid parameter: the caption "Buy now at my-shop" is too long',
    });
    expect(describeConnectorError(err, 'TikTok', AT)).toMatchObject({ status: null, platformCode: null });
  });

  it('ignores a health value that is not a signal', () => {
    const err = new ConnectorError('transient', 'x', { health: 'made_up' as never });
    expect(describeConnectorError(err, 'LinkedIn', AT)).toMatchObject({
      signal: null,
      message: 'LinkedIn had a temporary problem',
    });
  });
});
