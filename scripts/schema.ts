import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli/run.ts';
import { fail } from '../src/cli/terminal.ts';
import { JSON_SCHEMA_PATH, postmortemJsonSchemaText } from '../src/lib/validation/json-schema.ts';

const HELP = `Usage: npm run schema [-- --check]

Writes the JSON Schema of the postmortem frontmatter to ${JSON_SCHEMA_PATH},
generated from the Zod schema in src/schemas/, for editors that validate YAML
while you type (see docs/format.md, "Checking in your editor").

Options:
  --check     write nothing; exit 1 if the committed file is out of date
  -h, --help  show this help`;

let args;
try {
	args = parseArgs({ options: { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
	fail(`schema: ${(error as Error).message}\n\n${HELP}`);
}
if (args.values.help) {
	console.log(HELP);
	process.exit(0);
}
const check = Boolean(args.values.check);

await runCli(async () => {
	const file = path.resolve(JSON_SCHEMA_PATH);
	const text = postmortemJsonSchemaText();
	const current = await readFile(file, 'utf8').catch(() => undefined);
	if (check) {
		if (current === text) {
			console.log(`${JSON_SCHEMA_PATH} is up to date`);
			return 0;
		}
		process.stderr.write(`${JSON_SCHEMA_PATH} is ${current === undefined ? 'missing' : 'out of date'}; run: npm run schema\n`);
		return 1;
	}
	if (current === text) {
		console.log(`${JSON_SCHEMA_PATH} is already up to date`);
		return 0;
	}
	await mkdir(path.dirname(file), { recursive: true });
	await writeFile(file, text);
	console.log(`wrote ${JSON_SCHEMA_PATH}`);
	return 0;
});
