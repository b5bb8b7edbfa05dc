import { ActorGuard } from '../../auth/actor.guard';

/**
 * Who the codec endpoint's caller is. The one line to change when sessions and roles replace the
 * development token: every codec route takes its authentication from here.
 */
export const CodecAuthGuard = ActorGuard;
