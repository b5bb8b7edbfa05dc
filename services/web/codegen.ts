import type { CodegenConfig } from '@graphql-codegen/cli';
import { join } from 'node:path';

const here = (p: string) => join(__dirname, p);

// Types come from the committed SDL (the contract), never from a running server; documentMode 'string'
// keeps graphql-js out of the browser bundle: the operations travel as plain strings.
const config: CodegenConfig = {
  schema: here('../../schema/schema.graphql'),
  documents: [here('src/**/*.{ts,tsx}'), `!${here('src/gql/**')}`],
  ignoreNoDocuments: false,
  generates: {
    [here('src/gql/')]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
        strictScalars: true,
        skipTypename: true,
      },
    },
  },
};

export default config;
