import { raizeEnv } from '../core/config/app-config';

/**
 * Why the sandbox process must not start here, if it must not (C-15): it is a local emulator with an admin API
 * that mints users and tokens, so in production mode (RAIZE_ENV unset or production, or NODE_ENV=production) it
 * refuses to run at all. A staging stack that wants one runs it with RAIZE_ENV=development on its own.
 */
export function sandboxStartRefusal(env: NodeJS.ProcessEnv): string | undefined {
  if (raizeEnv(env) === 'production' || env.NODE_ENV === 'production')
    return (
      'the sandbox platform is a local emulator and refuses to start in production mode ' +
      '(set RAIZE_ENV=development or test to run it)'
    );
  return undefined;
}
