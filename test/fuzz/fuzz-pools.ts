/**
 * Real values the fuzzer draws well-formed inputs from, read back from the database: ids of the fuzzing tenant's
 * own rows by table (so a call can reach the code past "not found"), the same of another tenant (which must answer
 * exactly like an id that does not exist, C-02), and a few values that must match something stored.
 */
export interface FuzzPools {
  own: Record<string, string[]>;
  foreign: Record<string, string[]>;
  /** checksums of the tenant's assets and drafts (approvals must name the checksum they saw) */
  checksums: string[];
  /** artifact keys of media uploaded for the tenant's client */
  mediaKeys: string[];
  /** handles of the tenant's platform accounts (CSV rows name accounts by handle) */
  handles: string[];
  /** handles of the other tenant's accounts: an import naming them must not reach them */
  foreignHandles: string[];
}

export const emptyPools = (): FuzzPools => ({
  own: {},
  foreign: {},
  checksums: [],
  mediaKeys: [],
  handles: [],
  foreignHandles: [],
});
