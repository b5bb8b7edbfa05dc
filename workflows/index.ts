// The workflow bundle's entry: every workflow type the workers register.
export { publishPostWorkflow } from './publish/publish.workflow';
export { smokeWorkflow } from './smoke/smoke.workflow';
