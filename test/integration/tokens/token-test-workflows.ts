// The bundle of the token integration tests: every production workflow, plus the token workflow whether or not
// workflows/index.ts exports it yet (an explicit export wins over the star, so both together are fine).
export * from '../../../workflows/index';
export { accountTokensWorkflow } from '../../../workflows/tokens/account-tokens.workflow';
