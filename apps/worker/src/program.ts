import { Command, InvalidArgumentError } from 'commander';
import { decide, listQueue, runCompany, type RunnerContext } from '@fact/dunning-runner';

/** Output sinks, injected so tests run the program in-process. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function asOfOption(value: string): string {
  if (!DATE.test(value)) throw new InvalidArgumentError(`"${value}" is not a date YYYY-MM-DD`);
  return value;
}

/**
 * The `fact-dunning` command line. `open` gives it a runner (database, mail channel, folders).
 *
 * @example
 * ```ts
 * await createProgram(io, () => openRunner(process.env)).parseAsync(['node', 'fact-dunning', 'run', '--company', id]);
 * ```
 */
export function createProgram(io: CliIo, open: () => Promise<{ ctx: RunnerContext; close: () => Promise<void> }>): Command {
  const program = new Command('fact-dunning')
    .description('Run dunning now, and work the approval queue, from the command line.')
    .version('0.1.0')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showHelpAfterError();

  const withRunner = async <T>(fn: (ctx: RunnerContext) => Promise<T>): Promise<T> => {
    const { ctx, close } = await open();
    try {
      return await fn(ctx);
    } finally {
      await close();
    }
  };

  program
    .command('run')
    .description("Plan and send one company's reminders now (idempotent: a second run sends nothing twice)")
    .requiredOption('--company <id>', 'company id')
    .option('--as-of <date>', "the local date to plan for (default: today in the company's time zone)", asOfOption)
    .option('--plan-only', 'fill the outbox, send nothing')
    .option('--json', 'print the report as JSON')
    .action(async (o: { company: string; asOf?: string; planOnly?: boolean; json?: boolean }) => {
      const report = await withRunner((ctx) => runCompany(ctx, o.company, { ...(o.asOf && { asOf: o.asOf }), ...(o.planOnly && { deliver: false }) }));
      if (o.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
      else
        io.out(
          `${report.companyId} as of ${report.asOf} (${report.mode}): planned ${report.planned}, already in outbox ${report.alreadyInOutbox}, sent ${report.sent}, recovered ${report.recovered}, dropped ${report.dropped.length}, failed ${report.failed}, rerouted ${report.rerouted}, phone tasks ${report.tasks}\n` +
            report.dropped.map((d) => `  dropped ${d.key}: ${d.reason}\n`).join('') +
            report.printBatches.map((b) => `  print batch ${b.path}: ${b.letters} letters, ${b.pages} pages\n`).join(''),
        );
    });

  program
    .command('queue')
    .description("List a company's outbox (awaiting approval, sent, dropped…)")
    .requiredOption('--company <id>', 'company id')
    .option('--state <state...>', 'only these states')
    .action(async (o: { company: string; state?: string[] }) => {
      const items = await withRunner((ctx) => listQueue(ctx.db, o.company, o.state as never));
      for (const q of items) io.out(`${q.key}  ${q.state.padEnd(10)} level ${q.level} ${q.channel.padEnd(17)} ${q.amount.padStart(10)}  ${q.reason ?? ''}\n`);
    });

  for (const [name, description] of [
    ['approve', 'Approve a queued reminder (the next run or `run` sends it)'],
    ['skip', 'Skip a queued reminder, with a reason'],
  ] as const) {
    const cmd = program.command(name).description(description).requiredOption('--company <id>', 'company id').requiredOption('--key <key>', 'outbox key');
    if (name === 'skip') cmd.requiredOption('--reason <text>', 'why');
    cmd.action(async (o: { company: string; key: string; reason?: string }) => {
      const decision = name === 'approve' ? ({ decision: 'approve' } as const) : ({ decision: 'skip', reason: o.reason ?? '' } as const);
      const outcome = await withRunner((ctx) => decide(ctx.db, o.company, o.key, decision, undefined, ctx.clock()));
      if (!outcome.ok) {
        io.err(`${name}: ${outcome.reason}\n`);
        process.exitCode = 1;
      } else io.out(`${o.key}: ${outcome.state}\n`);
    });
  }
  for (const c of program.commands) c.configureOutput({ writeOut: io.out, writeErr: io.err });
  return program;
}
