import { parseCommandLine, usageError } from '../src/cli/command-line.ts';
import { runCli } from '../src/cli/run.ts';
import { TICKETS_ARGS, TICKETS_HELP, ticketsOptions } from '../src/cli/tickets/tickets-args.ts';
import { fileTickets, syncTickets } from '../src/cli/tickets/tickets-command.ts';

const usage = { name: 'tickets', help: TICKETS_HELP };
const parsed = ticketsOptions(parseCommandLine(usage, TICKETS_ARGS));
if (!parsed.ok) usageError(usage, parsed.message);
const options = parsed.options;

const io = { env: process.env, out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t) };
await runCli(() => (options.mode === 'sync' ? syncTickets(options, io) : fileTickets(options, io)));
