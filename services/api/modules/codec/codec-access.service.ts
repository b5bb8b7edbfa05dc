import { Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';

@Injectable()
export class CodecAccessService {
  /**
   * Who may read decrypted Temporal payloads through Temporal Web (C-14): platform staff only, since a payload
   * of any tenant decodes with the same keys. No agency role grants it; a script needs a token with the `staff`
   * scope, which only staff can create. `actor.staff` comes from the database (ActorGuard), never from the request.
   */
  mayUseCodec(actor: Actor): boolean {
    return actor.staff === true;
  }
}
