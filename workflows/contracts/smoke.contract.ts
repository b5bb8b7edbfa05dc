export interface SmokeInput {
  name: string;
}
export const SMOKE_WORKFLOW_TYPE = 'smokeWorkflow';
