import { runBuildCommand } from '../src/cli/build-command.ts';
import { parseCommandLine } from '../src/cli/command-line.ts';
import { postmortemsDir } from '../src/cli/content-dir.ts';
import { runCli } from '../src/cli/run.ts';

const HELP = `Usage: npm run build [-- options]

Validates the postmortems, drafts missing summaries and lessons with Claude
(only with ANTHROPIC_API_KEY; see docs/drafting.md), builds the site into dist/,
then indexes the incident pages for search (Pagefind, into dist/pagefind/).
Set POSTMORTEMS_DIR to build another folder; SHOW_DRAFTS=1 includes drafts and
postmortems in review (each under a "not published" banner).

Options:
  --strict         warnings, and errors in drafts and postmortems in review,
                   stop the build too (without it those files are left out)
  --out-dir DIR    write the site to DIR instead of dist/
  --skip-draft     do not run the drafting step
  -h, --help  show this help`;

const { values } = parseCommandLine({ name: 'build', help: HELP }, { options: { strict: { type: 'boolean' }, 'out-dir': { type: 'string' }, 'skip-draft': { type: 'boolean' } } });

await runCli(() => runBuildCommand({ dir: postmortemsDir(), outDir: values['out-dir'], strict: Boolean(values.strict), skipDraft: Boolean(values['skip-draft']) }));
