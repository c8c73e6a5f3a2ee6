import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from '../src/cli/run.ts';
import { parseCommandLine } from '../src/cli/command-line.ts';
import { JSON_SCHEMA_PATH, postmortemJsonSchemaText } from '../src/lib/validation/json-schema.ts';

const HELP = `Usage: npm run schema [-- --check]

Writes the JSON Schema of the postmortem frontmatter to ${JSON_SCHEMA_PATH},
generated from the Zod schema in src/schemas/, for editors that validate YAML
while you type (see docs/format.md, "Checking in your editor").

Options:
  --check     write nothing; exit 1 if the committed file is out of date
  -h, --help  show this help`;

const args = parseCommandLine({ name: 'schema', help: HELP }, { options: { check: { type: 'boolean' } } });
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
