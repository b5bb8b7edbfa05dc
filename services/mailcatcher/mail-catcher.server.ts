import { createServer } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { createCatcherHandler } from './mail-catcher.http';
import { createCatcherSmtpServer } from './mail-catcher.smtp';
import { MessageStore } from './message-store';

/** What the catcher takes by default: the usual 25 MB a mail server accepts, and the last 500 messages. */
export const MAIL_CATCHER_DEFAULTS = { maxMessageBytes: 25 * 1024 * 1024, maxMessages: 500 } as const;

export interface MailCatcherOptions {
  /** 0 (the default) for a free port */
  smtpPort?: number;
  httpPort?: number;
  /** where the messages are kept (the stack: <data dir>/mail) */
  dir: string;
  maxMessageBytes?: number;
  maxMessages?: number;
}

export interface RunningMailCatcher {
  /** `smtp://127.0.0.1:<port>`: what RAIZE_SMTP_URL points at */
  smtpUrl: string;
  smtpPort: number;
  /** `http://127.0.0.1:<port>`: the JSON API */
  url: string;
  httpPort: number;
  store: MessageStore;
  close(): Promise<void>;
}

/**
 * The development mail catcher (docs/mail.md): an SMTP server that keeps every message instead of delivering it,
 * and a JSON API to read them back, both on 127.0.0.1 only. Tests start it in process; main.ts runs it in the stack.
 */
export async function startMailCatcher(o: MailCatcherOptions): Promise<RunningMailCatcher> {
  const maxMessageBytes = o.maxMessageBytes ?? MAIL_CATCHER_DEFAULTS.maxMessageBytes;
  const store = await MessageStore.open({
    dir: o.dir,
    maxMessages: o.maxMessages ?? MAIL_CATCHER_DEFAULTS.maxMessages,
  });
  const smtp = createCatcherSmtpServer({ store, maxMessageBytes });
  // smtp-server re-emits its sockets' and listener's errors; without a listener that would crash the host process
  // (a test, the stack's child). A failed listen still rejects below, from the net server itself.
  smtp.on('error', () => undefined);
  const http = createServer(createCatcherHandler(store));
  const listening = (s: Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        s.off('error', reject);
        resolve((s.address() as AddressInfo).port);
      });
    });
  const smtpPort = await listening(smtp.server, o.smtpPort ?? 0);
  let httpPort: number;
  try {
    httpPort = await listening(http, o.httpPort ?? 0);
  } catch (err) {
    await new Promise<void>((r) => smtp.close(() => r()));
    throw err;
  }
  let closing: Promise<void> | undefined;
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    smtpPort,
    url: `http://127.0.0.1:${httpPort}`,
    httpPort,
    store,
    close: () =>
      (closing ??= Promise.all([
        new Promise<void>((r) => smtp.close(() => r())),
        new Promise<void>((r) => {
          http.close(() => r());
          http.closeAllConnections();
        }),
      ]).then(() => undefined)),
  };
}
