import type { CodegenConfig } from '@graphql-codegen/cli';

// Types come from the committed SDL (the contract), never from a running server; documentMode 'string'
// keeps graphql-js out of the browser bundle: the operations travel as plain strings.
const config: CodegenConfig = {
  schema: '../../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { documentMode: 'string', useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' }, strictScalars: true, skipTypename: true },
    },
  },
};

export default config;
