import { DefaultFailureConverter } from '@temporalio/common';

// Loaded by path (DataConverter.failureConverterPath) in clients and workers, and bundled into the
// workflow sandbox, which has no other way to receive it. With it, failure messages and stack traces
// travel as a payload the codec encrypts, instead of plain text in the history (C-13). Keep this file
// free of Node built-ins: it runs inside the workflow sandbox.
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
