import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispositionFor, isReasonCode, REASON_CODES, voidsApprovals } from './reason-codes';

const POLICY_DIR = join(__dirname, '..', '..', '..', 'policies', 'raize', 'sideeffect');

interface Emitted {
  /** the reason codes the Rego source gives as string literals */
  codes: Set<string>;
  /** places that give a code this spec cannot read (not a literal): each one hides a code from the check */
  unreadable: string[];
}

/** Removes `# …` comments, leaving `#` inside string literals alone. */
function stripComments(rego: string): string {
  return rego
    .split('\n')
    .map((line) => {
      let inString = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (inString && ch === '\\') i++;
        else if (ch === '"') inString = !inString;
        else if (ch === '#' && !inString) return line.slice(0, i);
      }
      return line;
    })
    .join('\n');
}

const LITERAL = /^"((?:[^"\\]|\\.)*)"$/;
// The helper's own definition, `reason(code, message) := {"code": code, …}`, passes its argument through.
const HELPER_DEFINITION =
  /(?<![\w.])reason\(\s*code\s*,\s*message\s*\)\s*:=\s*\{\s*"code"\s*:\s*code\s*,\s*"message"\s*:\s*message\s*\}/g;

/** Every reason code a Rego source emits: through `reason("code", …)` or an object literal `{"code": …}`. */
function emittedCodes(rego: string): Emitted {
  const source = stripComments(rego).replace(HELPER_DEFINITION, '');
  const codes = new Set<string>();
  const unreadable: string[] = [];
  const take = (arg: string, where: string) => {
    const literal = LITERAL.exec(arg.trim());
    if (literal) codes.add(literal[1]);
    else unreadable.push(where);
  };
  for (const m of source.matchAll(/(?<![\w.])reason\(\s*("(?:[^"\\]|\\.)*"|[^,)]*)\s*[,)]/g)) take(m[1], m[0]);
  for (const m of source.matchAll(/"code"\s*:\s*("(?:[^"\\]|\\.)*"|[^,}\s]*)/g)) take(m[1], m[0]);
  return { codes, unreadable };
}

function policySources(): { file: string; text: string }[] {
  return readdirSync(POLICY_DIR)
    .filter((f) => f.endsWith('.rego') && !f.endsWith('_test.rego'))
    .map((f) => ({ file: f, text: readFileSync(join(POLICY_DIR, f), 'utf8') }));
}

describe('the reason codes of the side-effect policy', () => {
  const sources = policySources();

  it('are read from every policy file (the parser finds the codes at all)', () => {
    expect(sources.length).toBeGreaterThan(5);
    const all = new Set(sources.flatMap((s) => [...emittedCodes(s.text).codes]));
    expect(all).toContain('kill_switch');
    expect(all).toContain('invalid_input');
  });

  it('are all in REASON_CODES, so the workflow knows what to do with each', () => {
    const missing = sources.flatMap((s) =>
      [...emittedCodes(s.text).codes].filter((c) => !isReasonCode(c)).map((c) => `${s.file}: ${c}`),
    );
    expect(missing).toEqual([]);
  });

  it('are all string literals, so none escapes the check above', () => {
    expect(sources.flatMap((s) => emittedCodes(s.text).unreadable.map((u) => `${s.file}: ${u}`))).toEqual([]);
  });

  it('are marked as coming from the policy in REASON_CODES', () => {
    const hostCodes = sources.flatMap((s) =>
      [...emittedCodes(s.text).codes].filter((c) => isReasonCode(c) && REASON_CODES[c].source !== 'policy'),
    );
    expect(hostCodes).toEqual([]);
  });

  it('check bites: an unknown code, an object literal and a non-literal code are all caught', () => {
    const fake = `
package raize.sideeffect
# reason("commented_out", "not emitted")
reason(code, message) := {"code": code, "message": message}
reasons contains reason("kill_switch", "fine # not a comment") if true
reasons contains reason("made_up_code", "a newer rule") if true
reasons contains {"code": "literal_object_code", "message": "x"} if true
reasons contains reason(some_var, "x") if some_var := "hidden"
`;
    const { codes, unreadable } = emittedCodes(fake);
    expect([...codes].sort()).toEqual(['kill_switch', 'literal_object_code', 'made_up_code']);
    expect([...codes].filter((c) => !isReasonCode(c)).sort()).toEqual(['literal_object_code', 'made_up_code']);
    expect(unreadable).toEqual(['reason(some_var,']);
  });
});

const r = (code: string) => ({ code, message: code });

describe('what a workflow does with a denial (dispositionFor, voidsApprovals)', () => {
  it('pauses on conditions that clear by themselves or by a switch', () => {
    expect(dispositionFor([r('kill_switch')])).toBe('pause');
    expect(dispositionFor([r('quiet_hours'), r('cooldown')])).toBe('pause');
    expect(dispositionFor([r('engine_error')])).toBe('pause');
    expect(dispositionFor([r('engine_timeout')])).toBe('pause');
  });

  it('waits for a human when an approval resolves it, even alongside a pause reason', () => {
    expect(dispositionFor([r('approval_required')])).toBe('needs_approval');
    expect(dispositionFor([r('kill_switch'), r('four_eyes')])).toBe('needs_approval');
    expect(dispositionFor([r('late')])).toBe('needs_approval');
  });

  it('ends the episode on anything it cannot wait out, and on an empty denial', () => {
    expect(dispositionFor([r('cap_reached')])).toBe('terminal');
    expect(dispositionFor([r('kill_switch'), r('platform_disallowed')])).toBe('terminal');
    expect(dispositionFor([r('approval_required'), r('account_quarantined')])).toBe('terminal');
    expect(dispositionFor([])).toBe('terminal');
  });

  it('ends the episode on a code it does not know (a newer policy), rather than waiting forever', () => {
    expect(dispositionFor([r('made_up_code')])).toBe('terminal');
    expect(dispositionFor([r('kill_switch'), r('made_up_code')])).toBe('terminal');
  });

  it('does not treat an informational reason as something to wait out', () => {
    expect(dispositionFor([r('verifying')])).toBe('terminal');
  });

  it('voids earlier approvals when the slot was missed, the approval is stale or the content changed', () => {
    expect(voidsApprovals([r('late')])).toBe(true);
    expect(voidsApprovals([r('approval_stale')])).toBe(true);
    expect(voidsApprovals([r('content_changed')])).toBe(true);
    expect(voidsApprovals([r('quiet_hours'), r('content_changed')])).toBe(true);
    expect(voidsApprovals([r('four_eyes')])).toBe(false);
    expect(voidsApprovals([r('made_up_code')])).toBe(false);
    expect(voidsApprovals([])).toBe(false);
  });
});
