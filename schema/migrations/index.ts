import { CoreModel1764000000000 } from './1764000000000-core-model';

/** Every migration in order; TypeORM records what ran in the `migrations` table. */
export const MIGRATIONS = [CoreModel1764000000000];
