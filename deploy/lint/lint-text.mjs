// Lints code strings at repo paths (the files need not exist) with the repo's eslint.config.mjs, without
// type information: stdin is JSON [{ path, code }], stdout JSON [[{ ruleId, message }]]. A process of its
// own because ESLint loads its config with import(), which Jest's module sandbox does not allow.
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: join(root, 'eslint.config.mjs'),
  overrideConfig: tseslint.configs.disableTypeChecked,
});
const cases = JSON.parse(await text(process.stdin));
const out = [];
for (const c of cases) {
  const [result] = await eslint.lintText(c.code, { filePath: join(root, c.path) });
  out.push((result?.messages ?? []).map((m) => ({ ruleId: m.ruleId, message: m.message })));
}
process.stdout.write(JSON.stringify(out));
