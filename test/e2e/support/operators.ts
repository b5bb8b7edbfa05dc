import type { DataSource } from 'typeorm';
import type { Page } from 'playwright-core';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import { userEmail } from '../../factories/db-reads';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';

export const PASSWORD = 'a long enough passphrase for e2e';

export type RoleKey = keyof SeededTenant['users'];

export interface TenantWithLogins extends SeededTenant {
  emails: Record<RoleKey, string>;
}

/** seedTenant, plus a password for every operator so they can sign in through the app. */
export async function seedTenantWithLogins(
  ds: DataSource,
  settings: Parameters<typeof seedTenant>[1] = {},
  timezone?: string,
): Promise<TenantWithLogins> {
  const t = await seedTenant(ds, settings, timezone);
  const b = new TenantBootstrap(ds);
  const emails = {} as Record<RoleKey, string>;
  for (const [role, id] of Object.entries(t.users) as [RoleKey, string][]) {
    await b.setPassword(id, PASSWORD);
    emails[role] = await userEmail(ds, id);
  }
  return { ...t, emails };
}

/** Signs in through the app's form and waits for the signed-in shell. */
export async function signInThroughUi(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true }).waitFor();
}
