/**
 * The least-privilege policy docs/vault.md recommends for Raize's token (and docs/runbooks/rotate-vault-token.md
 * writes), for a given prefix and wrapping key (KV mount `secret`, Transit `transit`).
 */
export function raizeVaultPolicy(prefix: string, kek: string): string {
  return `
path "secret/data/${prefix}/*"     { capabilities = ["create", "read", "update"] }
path "secret/metadata/${prefix}/*" { capabilities = ["delete"] }
path "transit/encrypt/${kek}"      { capabilities = ["update"] }
path "transit/decrypt/${kek}"      { capabilities = ["update"] }
path "transit/keys/${kek}"         { capabilities = ["create", "update", "read"] }
path "transit/keys/${kek}/rotate"  { capabilities = ["update"] }
`;
}
