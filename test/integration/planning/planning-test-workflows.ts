// The workflow bundle of the planning integration tests: the real planning episode, and a TEST-ONLY stand-in for
// the creation episode's child workflow type. The stand-in records nothing and ends at once: these tests prove the
// plan starts one child per item on the creation queue, not what the creation episode does with it (its own tests).
export { planningWorkflow } from '../../../workflows/planning/planning.workflow';

/** TEST ONLY: stands in for `creationItemWorkflow` (workflows/contracts/creation.contract.ts). */
export async function creationItemWorkflow(): Promise<void> {
  return undefined;
}
