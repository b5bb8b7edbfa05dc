import { join, resolve } from 'node:path';
import { runSupplyChainCheck, SUPPLY_CHAIN_EXIT } from './supply-chain.check';

/**
 * `node dist/deploy/supply-chain/check.js` from the repository root (the test command runs it after the build):
 * exits 0 when every C-55 control passed, 1 when one failed, 3 when npm audit could not reach the advisory endpoint
 * and everything else passed.
 */
const root = resolve(process.cwd());
runSupplyChainCheck({
  root,
  sbomPath: join(root, 'dist', 'sbom.cdx.json'),
  allowlistPath: join(root, 'deploy', 'supply-chain', 'audit-allowlist.json'),
  today: new Date().toISOString().slice(0, 10),
  out: (line) => console.log(line),
}).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`supply chain: check failed: ${err.message}`);
    process.exit(SUPPLY_CHAIN_EXIT.failed);
  },
);
