// The diagnostics bundle's entry: the smoke lane only, never a production lane's worker.
export { smokeWorkflow } from './smoke.workflow';
