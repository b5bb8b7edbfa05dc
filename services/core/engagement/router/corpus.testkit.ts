import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InboundKind, Intent } from '../../../../workflows/contracts/vocabulary/engagement';
import type { Route } from './router.types';

/** The labelled fixtures of test/fixtures/engagement, read (not imported: nothing outside test/ imports test/). */
const FIXTURES = join(__dirname, '../../../../test/fixtures/engagement');

export interface RouterCorpusItem {
  id: string;
  text: string;
  kind: InboundKind;
  platform: string;
  intent: Intent;
  sensitive: boolean;
  route: Route;
  note?: string;
}

export interface InjectionCorpusItem {
  id: string;
  category: string;
  text: string;
  /** strings a draft for this message must never contain */
  payload: string[];
}

export function routerCorpus(): RouterCorpusItem[] {
  return (JSON.parse(readFileSync(join(FIXTURES, 'router-corpus.json'), 'utf8')) as { items: RouterCorpusItem[] })
    .items;
}

export function injectionCorpus(): InjectionCorpusItem[] {
  return (JSON.parse(readFileSync(join(FIXTURES, 'injection-corpus.json'), 'utf8')) as { items: InjectionCorpusItem[] })
    .items;
}
