import { TOOL_NAMES } from '../../../workflows/contracts/vocabulary/gateway';
import { TOOL_HANDLERS } from '../tools';
import { compileInputSchema } from './input-validator';
import { parseToolDefinition } from './tool-definition.schema';

describe('the tools the gateway serves', () => {
  it('are one handler per tool name, each with a definition the registry accepts and a schema ajv compiles', () => {
    expect(TOOL_HANDLERS.map((h) => h.definition.name).sort()).toEqual([...TOOL_NAMES].sort());
    for (const h of TOOL_HANDLERS) {
      const parsed = parseToolDefinition(h.definition);
      expect({ tool: h.definition.name, ok: parsed.ok, detail: parsed.ok ? '' : parsed.detail }).toEqual({
        tool: h.definition.name,
        ok: true,
        detail: '',
      });
      expect(() => compileInputSchema(h.definition.inputSchema)).not.toThrow();
    }
  });
});
