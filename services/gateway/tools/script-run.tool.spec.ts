import type { ToolContext } from '../tool.types';
import { ToolRefusal } from '../tool.types';
import { scriptRunTool } from './script-run.tool';

const CLIENT = '00000000-0000-4000-8000-000000000001';

function ctx(over: Partial<ToolContext> = {}): ToolContext {
  return {
    caller: {} as ToolContext['caller'],
    agencyId: '00000000-0000-4000-8000-000000000000',
    clientId: CLIENT,
    m: {} as ToolContext['m'],
    deps: {} as ToolContext['deps'],
    settings: { scriptDomains: [] },
    signal: new AbortController().signal,
    ...over,
  };
}

describe('script_run tool', () => {
  it('is a script-class tool that takes a client and caps the code at 20 000 characters', () => {
    expect(scriptRunTool.definition).toMatchObject({ name: 'script_run', class: 'script', takesClient: true });
    expect(scriptRunTool.input.safeParse({ code: 'x'.repeat(20_001) }).success).toBe(false);
    expect(scriptRunTool.input.safeParse({ code: 'return 1', input: { a: 1 }, clientId: CLIENT }).success).toBe(true);
    expect(scriptRunTool.input.safeParse({ code: 'return 1', extra: true }).success).toBe(false);
  });

  it('runs the script in the sandbox and returns its result and logs', async () => {
    const out = await scriptRunTool.run(ctx(), { code: 'console.log("hi"); return input.n + 1;', input: { n: 1 } });
    expect(out.result).toEqual({ ok: true, result: 2, logs: ['hi'] });
    expect(out.summary).toMatch(/finished/);
  });

  it('turns a failed run into a refusal carrying the outcome code', async () => {
    const err = await scriptRunTool.run(ctx(), { code: 'throw new Error("nope")' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolRefusal);
    expect(err).toMatchObject({ code: 'invalid_input', message: 'script failed (script_error): Error: nope' });
  });

  it("fetches only the agency's allowlisted domains", async () => {
    const out = await scriptRunTool.run(ctx({ settings: { scriptDomains: ['example.org'] } }), {
      code: 'try { await fetch("https://example.com/") } catch (e) { return e.message }',
    });
    expect(out.result).toMatchObject({ result: 'fetch refused: example.com is not an allowed domain' });
  });

  it('needs a client', async () => {
    await expect(scriptRunTool.run(ctx({ clientId: null }), { code: 'return 1' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
