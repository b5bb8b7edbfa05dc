import { SMTPServer } from 'smtp-server';
import type { SMTPServerDataStream, SMTPServerError, SMTPServerSession } from 'smtp-server';
import type { MessageStore } from './message-store';

export interface CatcherSmtpOptions {
  store: MessageStore;
  /** bytes of one message as sent (after base64): over it, 552 (RFC 5321 §4.5.3.1.10) */
  maxMessageBytes: number;
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

const smtpError = (responseCode: number, message: string): SMTPServerError =>
  Object.assign(new Error(message), { responseCode });

/**
 * The catcher's SMTP side: plain ESMTP (RFC 5321) as nodemailer's smtp-server speaks it
 * (https://nodemailer.com/extras/smtp-server), with no AUTH and no STARTTLS because it only ever listens on
 * 127.0.0.1 and refuses any other peer. Every message is accepted, whoever it is addressed to, and stored; nothing is
 * relayed. SIZE is advertised, so a client learns the limit before sending.
 */
export function createCatcherSmtpServer(o: CatcherSmtpOptions): SMTPServer {
  return new SMTPServer({
    name: 'raize-mailcatcher.local',
    banner: 'Raize mail catcher (development only: nothing is delivered)',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: o.maxMessageBytes,
    maxRecipients: 100,
    maxClients: 20,
    disableReverseLookup: true,
    socketTimeout: 60_000,
    // Stopping the stack must not wait the default 30 s for a client that keeps its connection open.
    closeTimeout: 1_000,
    logger: false,
    onConnect(session: SMTPServerSession, callback: (err?: Error | null) => void) {
      if (!LOOPBACK.test(session.remoteAddress)) return callback(smtpError(554, 'loopback clients only'));
      callback();
    },
    onData(
      stream: SMTPServerDataStream,
      session: SMTPServerSession,
      callback: (err?: Error | null, message?: string) => void,
    ) {
      const chunks: Buffer[] = [];
      let kept = 0;
      // Past the limit the rest is read and dropped (the session must drain it), never buffered.
      stream.on('data', (c: Buffer) => {
        if (kept + c.length <= o.maxMessageBytes) {
          chunks.push(c);
          kept += c.length;
        }
      });
      stream.on('end', () => {
        if (stream.sizeExceeded)
          return callback(smtpError(552, `message exceeds the catcher's limit of ${o.maxMessageBytes} bytes`));
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        o.store.add(Buffer.concat(chunks, kept), envelope).then(
          (m) => callback(null, `queued as ${m.id}`),
          () => callback(smtpError(451, 'the catcher could not store the message')),
        );
      });
    },
  });
}
