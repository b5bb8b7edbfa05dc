import type { SmtpSettings } from './mail-config';
import { MailError } from './mail.errors';
import { smtpFailure, smtpTransportOptions } from './smtp.mailer';

const settings: SmtpSettings = {
  url: 'smtp://mail.example.com:587',
  host: 'mail.example.com',
  port: 587,
  secure: false,
  requireTls: true,
  timeoutMs: 5_000,
};

const nodemailerError = (props: Record<string, unknown>): Error => Object.assign(new Error('raw'), props);

describe('SMTP mailer', () => {
  it('sets TLS from the URL, our timeouts, and no file, URL or debug access', () => {
    const o = smtpTransportOptions(settings);
    expect(o).toMatchObject({
      host: 'mail.example.com',
      port: 587,
      secure: false,
      requireTLS: true,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 5_000,
      disableFileAccess: true,
      disableUrlAccess: true,
      logger: false,
      debug: false,
    });
    expect(o.tls).toMatchObject({ servername: 'mail.example.com', minVersion: 'TLSv1.2' });
    expect(o.auth).toBeUndefined();
    expect(smtpTransportOptions({ ...settings, host: '127.0.0.1', secure: true, requireTls: false }).tls).toMatchObject(
      { servername: undefined },
    );
  });

  it('[C-13] turns a refused login into auth_refused without the server’s text or the password', () => {
    const err = smtpFailure(
      nodemailerError({
        code: 'EAUTH',
        responseCode: 535,
        response: '535 5.7.8 Authentication failed for raize / hunter2-secret',
        command: 'AUTH PLAIN',
      }),
      settings.url,
    );
    expect(err).toBeInstanceOf(MailError);
    expect(err.failure).toBe('auth_refused');
    expect(err.message).toBe(
      'the SMTP server smtp://mail.example.com:587 refused the login (reply 535 5.7.8): check RAIZE_SMTP_USER and RAIZE_SMTP_PASSWORD (or RAIZE_SMTP_PASSWORD_FILE)',
    );
    expect(err.cause).toBeUndefined();
    expect(err.retryable).toBe(false);
  });

  it('says when a failure may still have delivered the message', () => {
    const refused = smtpFailure(nodemailerError({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }), settings.url);
    expect(refused).toMatchObject({ failure: 'connection_failed', details: { outcomeUnknown: false } });
    expect(refused.retryable).toBe(true);
    const dropped = smtpFailure(nodemailerError({ code: 'ECONNECTION' }), settings.url);
    expect(dropped.details.outcomeUnknown).toBe(true);
    const greeting = smtpFailure(nodemailerError({ code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' }), settings.url);
    expect(greeting).toMatchObject({ failure: 'timeout', details: { outcomeUnknown: false } });
    const idle = smtpFailure(nodemailerError({ code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT' }), settings.url);
    expect(idle.details.outcomeUnknown).toBe(true);
  });

  it('tells a transient refusal from a permanent one', () => {
    const full = smtpFailure(nodemailerError({ code: 'EENVELOPE', responseCode: 452 }), settings.url);
    expect(full).toMatchObject({ failure: 'recipient_refused' });
    expect(full.retryable).toBe(true);
    const unknownUser = smtpFailure(nodemailerError({ code: 'EENVELOPE', responseCode: 550 }), settings.url);
    expect(unknownUser.retryable).toBe(false);
    expect(smtpFailure(nodemailerError({ code: 'EMESSAGE', responseCode: 554 }), settings.url).failure).toBe(
      'message_refused',
    );
    expect(smtpFailure(nodemailerError({ code: 'ETLS' }), settings.url).failure).toBe('tls_failed');
    expect(smtpFailure(nodemailerError({ code: 'EENVELOPE', responseCode: 530 }), settings.url).failure).toBe(
      'auth_refused',
    );
  });
});
