import { runCli } from '../src/cli/run.ts';
import { fail } from '../src/cli/terminal.ts';
import { parseTicketsArgs, TICKETS_HELP } from '../src/cli/tickets/tickets-args.ts';
import { fileTickets, syncTickets } from '../src/cli/tickets/tickets-command.ts';

const parsed = parseTicketsArgs(process.argv.slice(2));
if (!parsed.ok) fail(`tickets: ${parsed.message}\n(npm run tickets -- --help shows the options)`);
const options = parsed.options;
if (options.help) {
	console.log(TICKETS_HELP);
	process.exit(0);
}

const io = { env: process.env, out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t) };
await runCli(() => (options.mode === 'sync' ? syncTickets(options, io) : fileTickets(options, io)));
