import { CoreModel1764000000000 } from './1764000000000-core-model';
import { OperatorsAndTenancy1764100000000 } from './1764100000000-operators-and-tenancy';
import { SideEffectKernel1764200000000 } from './1764200000000-side-effect-kernel';

/** Every migration in order; TypeORM records what ran in the `migrations` table. */
export const MIGRATIONS = [CoreModel1764000000000, OperatorsAndTenancy1764100000000, SideEffectKernel1764200000000];
