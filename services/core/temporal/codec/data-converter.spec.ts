import { randomBytes } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import {
  decodeOptionalFailureToOptionalError,
  encodeErrorToFailure,
  loadDataConverter,
} from '@temporalio/common/lib/internal-non-workflow';
import { createDataConverter } from './data-converter';

const keys = { id: '00000000000000d4', key: randomBytes(32) };
const source = { currentKey: async () => keys, keyById: async () => keys.key, rotate: async () => ({ id: keys.id }) };

describe('createDataConverter', () => {
  it('moves failure messages and stack traces into an encrypted payload, and reads them back', async () => {
    const converter = loadDataConverter(createDataConverter(source, { namespace: 'raize', refusePlaintext: true }));
    const err = ApplicationFailure.create({
      type: 'PermanentPublishError',
      message: 'POST /posts answered 422 for ops@example.test',
    });
    const failure = await encodeErrorToFailure(converter, err);
    expect(failure.message).toBe('Encoded failure');
    expect(failure.stackTrace).toBe('');
    expect(failure.applicationFailureInfo?.type).toBe('PermanentPublishError');
    expect(Buffer.from(failure.encodedAttributes!.metadata!.encoding!).toString()).toBe('binary/encrypted');
    expect(JSON.stringify(failure)).not.toContain('ops@example.test');
    const back = await decodeOptionalFailureToOptionalError(converter, failure);
    expect(back?.message).toBe('POST /posts answered 422 for ops@example.test');
  });
});
