import type { GatewayRefusal } from '../../../workflows/contracts/vocabulary/gateway';
import type { ToolRefusal } from '../tool.types';

/** A code the caller sees: the gateway's own refusals, or the code a tool refused with on purpose. */
export type RefusalCode = GatewayRefusal | ToolRefusal['code'];

/** A step of the pipeline said no; the caller sees the code and the message, the audit the code. */
export class GatewayRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'GatewayRefused';
  }
}

export function refuse(code: RefusalCode, message: string): never {
  throw new GatewayRefused(code, message);
}
