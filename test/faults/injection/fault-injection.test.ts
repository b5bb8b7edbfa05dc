import type { FaultWorld } from './fault-world';
import { startFaultWorld } from './fault-world';
import { platformStormScenarios } from './platform-storm.scenario';
import { providerOutageScenarios } from './provider-outage.scenario';
import { rateLimitScenarios } from './rate-limit.scenario';
import { slowPlatformScenarios } from './slow-platform.scenario';
import { webhookScenarios } from './webhooks.scenario';

// Faults injected at run time into the sandbox, the LinkedIn and OpenAI emulators (their admin routes) while the real
// episodes run on the real Temporal, Postgres, OPA wasm and ingest (issue #18, C-51, C-52, C-22, C-34). Each scenario
// asserts what ended up on the platform, not only that nothing crashed; the run ends with one summary line.
describe('fault injection (sandbox, platform and provider emulators; real Temporal, Postgres, OPA, ingest)', () => {
  let w: FaultWorld | undefined;
  beforeAll(async () => {
    w = await startFaultWorld();
  }, 180_000);
  afterAll(async () => {
    if (!w) return;
    process.stderr.write(`\n${w.tally.line()}\n`);
    await w.close();
  });
  // A scenario that fails half-way must not leave its faults to the next one.
  afterEach(async () => {
    if (!w) return;
    await Promise.all([
      w.stack.sandboxAdmin.clearFaults(),
      w.stack.sandboxAdmin.clearWebhookFaults(),
      w.linkedinAdmin.clearFaults(),
      w.openaiAdmin.clearFaults(),
    ]);
  });
  const world = (): FaultWorld => {
    if (!w) throw new Error('the fault world did not start');
    return w;
  };

  platformStormScenarios(world);
  rateLimitScenarios(world);
  slowPlatformScenarios(world);
  providerOutageScenarios(world);
  webhookScenarios(world);
});
