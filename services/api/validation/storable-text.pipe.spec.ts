import { BadRequestException } from '@nestjs/common';
import { StorableTextPipe, unstorableTextAt } from './storable-text.pipe';

describe('StorableTextPipe', () => {
  const pipe = new StorableTextPipe();

  it('[C-54] refuses NUL and unpaired surrogates anywhere in an input, naming where', () => {
    expect(() => pipe.transform({ agencyId: 'a', name: 'a\u0000b' }, { type: 'body', data: 'input' })).toThrow(
      new BadRequestException(
        'input.name holds binary data (a NUL character) or an unpaired surrogate, which cannot be stored as text',
      ),
    );
    expect(unstorableTextAt({ recipients: ['ok', 'x\ud800'] })).toBe('recipients.1');
    expect(unstorableTextAt('\udc00 alone')).toBe('');
  });

  it('lets every other text through, emoji and combining marks included, and ignores the actor', () => {
    const input = { name: '🦄 Ωé\u0301 田中', tags: ['#a'], n: 1, when: new Date(), nested: { ok: 'fine' } };
    expect(pipe.transform(input, { type: 'body', data: 'input' })).toBe(input);
    expect(pipe.transform({ userId: 'x\u0000' }, { type: 'custom' })).toEqual({ userId: 'x\u0000' });
  });
});
