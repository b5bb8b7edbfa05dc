/**
 * `--<name>=N`, `--<name> N` or `-n N` (a positive integer), and the first other argument as the JSON output path:
 * the command line every benchmark takes.
 */
export function parseCountArgs(argv: string[], name: string): { count?: number; out?: string } {
  const out: { count?: number; out?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let value: string | undefined;
    if (a.startsWith(`--${name}=`)) value = a.slice(`--${name}=`.length);
    else if (a === `--${name}` || a === '-n') value = argv[++i];
    else if (!a.startsWith('-') && out.out === undefined) out.out = a;
    else throw new Error(`unknown argument ${a}`);
    if (value !== undefined) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${value}`);
      out.count = n;
    }
  }
  return out;
}
