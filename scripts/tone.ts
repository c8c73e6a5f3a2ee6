import { parseCommandLine } from '../src/cli/command-line.ts';
import { postmortemsDir } from '../src/cli/content-dir.ts';
import { runCli } from '../src/cli/run.ts';
import { runToneCommand } from '../src/cli/tone-command.ts';

const HELP = `Usage: npm run tone [-- [options] [FILES...]]

Checks the wording of postmortems (default: every one in $POSTMORTEMS_DIR or
content/postmortems) or any text files for blame: people or roles tied to what
went wrong, "human error" framing, hero and villain narratives. Each finding
names the file, the field, the kind and a neutral rewrite.

The deterministic check always runs. With ANTHROPIC_API_KEY set, a model
reviewer reads what it left too (one request per file), calibrated on the
archive's reviewed postmortems and tone.examples in postmortems.config.ts; its
verdicts are cached by sentence in .tone-cache.json (PM_TONE_CACHE), so a rerun
on unchanged text sends nothing.

Options:
  --model NAME   the reviewer's model (default: PM_DRAFT_MODEL or drafting.model)
  --json         print the findings as JSON on stdout
  -h, --help     show this help

Exit status: 0 no finding, 1 findings (or a review that could not run), 2 bad usage.`;

const args = parseCommandLine({ name: 'tone', help: HELP }, { allowPositionals: true, options: { json: { type: 'boolean' }, model: { type: 'string' } } });

await runCli(() => runToneCommand({ files: args.positionals, dir: postmortemsDir(), json: Boolean(args.values.json), ...(args.values.model ? { model: args.values.model } : {}) }));
