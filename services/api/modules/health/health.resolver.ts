import { Query, Resolver } from '@nestjs/graphql';
import { HealthModel } from './health.model';
import { HealthService } from './health.service';

@Resolver(() => HealthModel)
export class HealthResolver {
  constructor(private readonly healthService: HealthService) {}

  @Query(() => HealthModel)
  health(): Promise<HealthModel> {
    return this.healthService.check();
  }
}
