import { HEALTH_SIGNALS } from '../../../workflows/contracts/vocabulary/health-signals';
import { ACCOUNT_STATE_WORDS, ERROR_KIND_WORDS, HEALTH_SEVERITIES, inWords, OPERATOR_WORDS } from './operator-words';

describe('operator words', () => {
  it.each(HEALTH_SIGNALS.map((s) => [s]))('%s has a headline, what to do and a severity', (signal) => {
    const w = inWords(OPERATOR_WORDS[signal], 'Instagram');
    expect(w.headline.length).toBeGreaterThan(10);
    expect(w.whatToDo.length).toBeGreaterThan(10);
    expect(HEALTH_SEVERITIES).toContain(w.severity);
    expect(`${w.headline} ${w.whatToDo}`).not.toMatch(/[{}]/);
    // Operator words, not the vocabulary's code.
    expect(w.headline).not.toContain(signal);
  });

  it('every connector error kind and account state has words', () => {
    for (const w of [...Object.values(ERROR_KIND_WORDS), ...Object.values(ACCOUNT_STATE_WORDS)]) {
      const t = inWords(w, 'X');
      expect(t.headline).not.toMatch(/[{}]/);
      expect(t.whatToDo.length).toBeGreaterThan(10);
    }
  });

  it('puts the platform name in every place it is asked for', () => {
    const w = inWords(OPERATOR_WORDS.action_blocked, 'Instagram');
    expect(w.headline).toBe('Instagram blocked publishing from this account as suspected spam');
    expect(w.whatToDo).toContain('in the Instagram app');
  });
});
