import { access, link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';

/** One message to send. */
export interface OutgoingMail {
  from: { name: string; address: string };
  replyTo?: string;
  to: string;
  subject: string;
  text: string;
  language: string;
  messageId: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}

/**
 * Where e-mail goes: the local outbox folder (the embedded default: one `.eml` per idempotency
 * key, nothing leaves the machine) or an SMTP server (`SMTP_URL`).
 */
export interface MailChannel {
  readonly kind: 'eml' | 'smtp';
  /** Proof that the message of this key already left (the `.eml` file); SMTP cannot tell. */
  alreadyDelivered(key: string): Promise<boolean>;
  send(key: string, mail: OutgoingMail): Promise<{ messageId: string; proof: string }>;
  close(): void;
}

function options(mail: OutgoingMail) {
  return {
    from: mail.from,
    ...(mail.replyTo && { replyTo: mail.replyTo }),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    messageId: mail.messageId,
    headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
    attachments: mail.attachments,
  };
}

/**
 * Writes each message to `<dir>/<key>.eml` (nodemailer streamTransport with `buffer: true`).
 * Written to a temporary name and hard-linked into place, so the file exists only when complete
 * (the proof of delivery after a crash) and a second delivery of the same key cannot replace it.
 *
 * @example
 * ```ts
 * const channel = emlFolderChannel('./data/outbox');
 * ```
 */
export function emlFolderChannel(dir: string): MailChannel {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const path = (key: string) => join(dir, `${key}.eml`);
  return {
    kind: 'eml',
    async alreadyDelivered(key) {
      try {
        await access(path(key));
        return true;
      } catch {
        return false;
      }
    },
    async send(key, mail) {
      await mkdir(dir, { recursive: true });
      const info = (await transport.sendMail(options(mail))) as unknown as { message: Buffer; messageId: string };
      const tmp = `${path(key)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(tmp, info.message);
      // link() refuses an existing name: two runners racing on one key deliver one file, never two.
      try {
        await link(tmp, path(key));
        return { messageId: info.messageId, proof: path(key) };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        return { messageId: info.messageId, proof: `exists:${path(key)}` };
      } finally {
        await unlink(tmp);
      }
    },
    close() {
      transport.close();
    },
  };
}

/**
 * Sends over SMTP (`smtp://user:pass@host:port`, `smtps://…`), pooled.
 *
 * @example
 * ```ts
 * const channel = smtpChannel(process.env.SMTP_URL!);
 * ```
 */
export function smtpChannel(url: string, extra: { maxConnections?: number; tls?: { rejectUnauthorized?: boolean } } = {}): MailChannel {
  const transport: Transporter = nodemailer.createTransport(url, { pool: true, maxConnections: 4, ...extra } as never);
  return {
    kind: 'smtp',
    alreadyDelivered() {
      return Promise.resolve(false);
    },
    async send(_key, mail) {
      const info = await transport.sendMail(options(mail));
      return { messageId: info.messageId, proof: `smtp:${info.response}` };
    },
    close() {
      transport.close();
    },
  };
}

/**
 * The channel the environment asks for: SMTP when `SMTP_URL` is set, the `.eml` folder otherwise.
 *
 * @example
 * ```ts
 * const channel = mailChannelFromEnv(process.env, './data/outbox');
 * ```
 */
export function mailChannelFromEnv(env: Record<string, string | undefined>, outboxDir: string): MailChannel {
  const url = env['SMTP_URL'];
  return url ? smtpChannel(url) : emlFolderChannel(outboxDir);
}
