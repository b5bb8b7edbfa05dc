import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { TokenScope } from '../../auth/token-scope.decorator';
import { ImportPostsDryRunInput, ImportPostsInput } from './dtos/import.inputs';
import { ImportDryRunModel, ImportResultModel } from './import.models';
import { ImportsService } from './imports.service';

@Resolver()
@UseGuards(ActorGuard)
export class ImportsResolver {
  constructor(private readonly imports: ImportsService) {}

  // A mutation although it writes nothing: it fetches the media URLs it is given (C-35), so it takes the same
  // CSRF and token-scope checks as the import itself (C-07, C-09).
  @Mutation(() => ImportDryRunModel, {
    description:
      "Every row of a CSV resolved and checked against the client's accounts, slots, limits and caps; creates nothing",
  })
  @TokenScope('publish')
  importPostsDryRun(
    @CurrentActor() actor: Actor,
    @Args('input') input: ImportPostsDryRunInput,
  ): Promise<ImportDryRunModel> {
    return this.imports.dryRun(actor, input);
  }

  @Mutation(() => ImportResultModel, {
    description: 'Schedules exactly what the dry run showed, all or nothing; refused if the CSV or its plan changed',
  })
  @TokenScope('publish')
  importPosts(@CurrentActor() actor: Actor, @Args('input') input: ImportPostsInput): Promise<ImportResultModel> {
    return this.imports.import(actor, input);
  }
}
