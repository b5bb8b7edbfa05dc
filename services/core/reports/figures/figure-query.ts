import type { EntityManager } from 'typeorm';
import type { ReportWindow } from '../report-period';

/**
 * What every figure module is given: a connection in the client's tenant scope (row-level security filters every
 * table it reads, C-01; each query names the client too) and the period, as dates and as instants.
 */
export interface FigureQuery {
  m: Pick<EntityManager, 'query'>;
  clientId: string;
  window: ReportWindow;
}

/** `[clientId, start date, end date]`: the parameters of a query over daily rows. */
export const dayParams = (q: FigureQuery): string[] => [q.clientId, q.window.start, q.window.end];

/** `[clientId, startAt, endAt]`: the parameters of a query over timestamps, the end excluded. */
export const instantParams = (q: FigureQuery): (string | Date)[] => [q.clientId, q.window.startAt, q.window.endAt];

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The first words of a post's text as a report shows it (escaped where it is rendered). */
export function postExcerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
