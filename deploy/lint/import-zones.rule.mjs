// The architecture's import zones as one ESLint rule. A local rule rather than import/no-restricted-paths
// or no-restricted-imports: zones here need type-only exceptions (workflows may import activity types),
// allow-lists (workflows may import only @temporalio/workflow), and relative specifiers resolved against
// the importing file without needing the target to exist, which neither of those gives in one rule.
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

const BUILTINS = new Set(builtinModules);

/** `**` spans folders, `*` stays within one; everything else is literal. */
function globToRegExp(glob) {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else out += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

const matcher = (globs = []) => {
  const res = globs.map(globToRegExp);
  return (path) => res.some((re) => re.test(path));
};

/** A relative specifier names a file with or without its extension, or a folder's index. */
const candidates = (path) =>
  /\.[cm]?[jt]sx?$/.test(path) ? [path] : [path, `${path}.ts`, `${path}.tsx`, `${path}/index.ts`];

/** A bare specifier as written (deep paths stay deep), with Node built-ins spelled `node:x`. */
function bareSpecifier(spec) {
  if (spec.startsWith('node:')) return spec;
  return BUILTINS.has(spec.split('/')[0]) ? `node:${spec}` : spec;
}

function compileZone(z) {
  return {
    message: z.message,
    importers: matcher(z.importers),
    exceptImporters: matcher(z.exceptImporters),
    forbid: z.forbid ? matcher(z.forbid) : undefined,
    exceptTargets: matcher(z.exceptTargets),
    allowTypeOnly: z.allowTypeOnly === true,
    only: z.only
      ? {
          paths: matcher(z.only.paths),
          typePaths: matcher(z.only.typePaths),
          packages: new Set(z.only.packages ?? []),
          typePackages: new Set(z.only.typePackages ?? []),
        }
      : undefined,
  };
}

/** Whether an import of `target` (repo paths of a relative import, or a package) breaks the zone. */
function breaks(zone, target, typeOnly) {
  if (zone.only) {
    if (target.paths) {
      return !target.paths.some((p) => zone.only.paths(p) || (typeOnly && zone.only.typePaths(p)));
    }
    return !(zone.only.packages.has(target.spec) || (typeOnly && zone.only.typePackages.has(target.spec)));
  }
  if (!target.paths || !target.paths.some(zone.forbid) || target.paths.some(zone.exceptTargets)) return false;
  return !(zone.allowTypeOnly && typeOnly);
}

const typeOnlyDeclaration = (node) => {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
};

/** @type {import('eslint').Rule.RuleModule} */
export const importZonesRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Which folder may import which (docs/architecture.md, house style "Layout")' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, zones: { type: 'array' } },
        required: ['root', 'zones'],
        additionalProperties: false,
      },
    ],
    messages: { zone: '{{spec}}: {{message}}' },
  },
  create(context) {
    const { root, zones: raw } = context.options[0];
    const file = relative(root, context.filename).split(sep).join('/');
    if (file.startsWith('..') || isAbsolute(file)) return {};
    const zones = raw.map(compileZone).filter((z) => z.importers(file) && !z.exceptImporters(file));
    if (zones.length === 0) return {};

    const check = (node, source, typeOnly) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const spec = source.value;
      const target = spec.startsWith('.')
        ? {
            paths: candidates(
              relative(root, resolve(dirname(context.filename), spec))
                .split(sep)
                .join('/'),
            ),
          }
        : { spec: bareSpecifier(spec) };
      for (const zone of zones) {
        if (breaks(zone, target, typeOnly))
          context.report({ node, messageId: 'zone', data: { spec, message: zone.message } });
      }
    };

    return {
      ImportDeclaration: (node) => check(node, node.source, typeOnlyDeclaration(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, typeOnlyDeclaration(node)),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, node.source, false),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' &&
        check(node, node.moduleReference.expression, node.importKind === 'type'),
      'CallExpression[callee.name="require"]': (node) => check(node, node.arguments[0], false),
    };
  },
};

export const raizePlugin = { meta: { name: 'raize' }, rules: { 'import-zones': importZonesRule } };
