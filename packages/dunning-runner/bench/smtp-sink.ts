// A loopback SMTP server in its own process (as a real server would be): prints its port, counts
// messages and distinct Message-IDs, and answers "stats" on stdin with JSON.
import { SMTPServer } from 'smtp-server';

let messages = 0;
let bytes = 0;
const ids = new Set<string>();
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _s, cb) {
    let head = '';
    stream.on('data', (c: Buffer) => {
      bytes += c.length;
      if (head.length < 4096) head += c.toString('latin1');
    });
    stream.on('end', () => {
      messages++;
      const m = /^Message-ID:\s*(\S+)/im.exec(head);
      if (m?.[1]) ids.add(m[1]);
      cb();
    });
  },
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`port ${(server.server.address() as { port: number }).port}\n`));
process.stdin.on('data', (d) => {
  if (String(d).includes('stats')) {
    process.stdout.write(`${JSON.stringify({ messages, bytes, ids: ids.size })}\n`);
    messages = 0;
    bytes = 0;
    ids.clear();
  }
  if (String(d).includes('quit')) server.close(() => process.exit(0));
});
