import { readFileSync } from 'node:fs';
import { Worker, bundleWorkflowCode } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { FAILURE_CONVERTER_PATH } from '../../../services/core/temporal/codec/data-converter';
it('replays', async () => {
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../../index.ts'), failureConverterPath: FAILURE_CONVERTER_PATH });
  const h = historyFromJSON(JSON.parse(readFileSync(`${__dirname}/../../../test/replay/histories/publish-approved-verified.json`, 'utf8')));
  await Worker.runReplayHistory({ workflowBundle: { code } }, h, 'x');
});
