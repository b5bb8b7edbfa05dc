import { registerEnumType } from '@nestjs/graphql';
import type { PublishLane } from '../../../core/database/entities/platform-account.entity';
import { enumOf } from '../../schema/enums';

/**
 * The lanes an account publishes through. The words are the entity's PublishLane union; this list must name each
 * (the `satisfies` and the check below fail the build otherwise), since a union alone cannot become a GraphQL enum.
 */
export const PUBLISH_LANES = ['api', 'browser', 'hybrid'] as const satisfies readonly PublishLane[];
const everyLane: Exclude<PublishLane, (typeof PUBLISH_LANES)[number]> extends never ? true : never = true;
void everyLane;

/** The lanes that act through a browser profile, so need one attached. */
export const BROWSER_LANES: readonly PublishLane[] = ['browser', 'hybrid'];

export const PublishLaneEnum: Record<PublishLane, PublishLane> = enumOf(PUBLISH_LANES);

registerEnumType(PublishLaneEnum, {
  name: 'PublishLane',
  description: "api: the platform's API; browser: its web UI through a browser profile; hybrid: both",
});
