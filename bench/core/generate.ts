import { stringify } from 'yaml';
import type { ActionStatus, Priority } from '../../src/schemas/action-item.ts';
import type { Severity } from '../../src/schemas/severity.ts';
import type { PostmortemStatus } from '../../src/schemas/status.ts';
import { addDays, daysBetween } from '../../src/lib/format/dates.ts';
import { ACTION_PREFIXES, ACTION_TEMPLATES, ACTIVITIES, LOG_LEVELS, PEOPLE, SERVICES, SYMPTOMS, TEAMS } from './pools.ts';
import { createRng, type Rng } from './random.ts';
import { slugify } from '../../src/lib/routing/slug.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * The synthetic postmortem generator behind `npm run bench` and the page-budget
 * tests: N valid files in the project's format, the same for the same seed.
 * Shapes follow issue 6: bodies of 2 to 10 KB with headings, lists, tables and
 * code blocks; 4 to 12 timeline entries; 2 to 8 action items mixing done, open
 * and overdue; 1 to 4 services from a pool of about 60; mostly SEV3/SEV4; ~5% drafts.
 */

/** How many days after the incident an action item may fall due (the config's policy). */
export interface DueWindows {
	urgentDueWindowDays: Record<Severity, number>;
	otherDueWindowDays: number;
}

/** The contract's default due windows. */
export const DEFAULT_DUE_WINDOWS: DueWindows = { urgentDueWindowDays: { SEV1: 15, SEV2: 30, SEV3: 56, SEV4: 56 }, otherDueWindowDays: 90 };

export interface GenerateOptions {
	/** How many postmortems. */
	count: number;
	/** Same seed, same archive. */
	seed: string | number;
	vocabulary: Vocabulary;
	/** "Today" for the archive, YYYY-MM-DD: items due before it and still open are overdue. */
	asOf: string;
	/** How many years of incidents before `asOf` (default 4). */
	years?: number;
	/** Due windows to stay inside, so the archive is free of policy warnings. */
	dueWindows?: DueWindows;
}

/** One generated file. */
export interface GeneratedPostmortem {
	slug: string;
	/** Where it goes inside the postmortems folder: `<slug>.md` or `<slug>/index.md`. */
	relativePath: string;
	/** The whole file: frontmatter and Markdown body. */
	text: string;
	status: PostmortemStatus;
	severity: Severity;
	/** UTF-8 size of the body alone. */
	bodyBytes: number;
}

export const BODY_MIN_BYTES = 2048;
export const BODY_MAX_BYTES = 10240;

const SEVERITY_WEIGHTS: Record<Severity, number> = { SEV1: 4, SEV2: 14, SEV3: 42, SEV4: 40 };
const STATUS_WEIGHTS: Record<PostmortemStatus, number> = { published: 93, review: 2, draft: 5 };
const PRIORITY_WEIGHTS: Record<Priority, number> = { P0: 5, P1: 25, P2: 45, P3: 25 };
/** Items not yet due: mostly still open. */
const NOT_DUE_STATUS: Record<ActionStatus, number> = { open: 55, 'in-progress': 25, done: 20, 'wont-do': 0 };
/** Items past their due date: mostly done, about one in five overdue. */
const PAST_DUE_STATUS: Record<ActionStatus, number> = { done: 72, 'wont-do': 6, open: 14, 'in-progress': 8 };
const SERVICE_COUNT_WEIGHTS = { '1': 45, '2': 30, '3': 15, '4': 10 };

const utf8 = new TextEncoder();
const byteLength = (s: string) => utf8.encode(s).length;

/** Picks from a list with Zipf-like weights: the first items are picked far more often. */
function zipfPicker<T>(items: ReadonlyArray<T>, exponent = 0.9): (rng: Rng) => T {
	const cumulative: number[] = [];
	let total = 0;
	for (let i = 0; i < items.length; i++) {
		total += 1 / (i + 1) ** exponent;
		cumulative.push(total);
	}
	return (rng) => {
		const r = rng.next() * total;
		let lo = 0;
		let hi = cumulative.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cumulative[mid]! > r) hi = mid;
			else lo = mid + 1;
		}
		return items[lo]!;
	};
}

function distinct<T>(rng: Rng, count: number, pick: (rng: Rng) => T): T[] {
	const out = new Set<T>();
	for (let tries = 0; out.size < count && tries < count * 20; tries++) out.add(pick(rng));
	return [...out];
}

function iso(ms: number): string {
	return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Generates `count` postmortems, one at a time (a 10,000-file archive never sits in memory whole). */
export function* generatePostmortems(options: GenerateOptions): Generator<GeneratedPostmortem> {
	const { vocabulary: vocab, asOf } = options;
	if (vocab.sentences.length === 0 || vocab.keywords.length === 0 || vocab.words.length === 0) {
		throw new Error('generatePostmortems: the vocabulary needs sentences, keywords and words');
	}
	const rng = createRng(options.seed);
	const windows = options.dueWindows ?? DEFAULT_DUE_WINDOWS;
	const spanDays = Math.round((options.years ?? 4) * 365);
	const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
	const pickService = zipfPicker(SERVICES);
	const pickTag = zipfPicker(vocab.tags.length > 0 ? vocab.tags : ['incident']);
	const pickKeyword = zipfPicker(vocab.keywords, 0.6);
	const handles = [...PEOPLE, ...TEAMS];
	const sentence = () => rng.pick(vocab.sentences);
	const sentences = (min: number, max: number) => Array.from({ length: rng.int(min, max) }, sentence).join(' ');
	const word = () => rng.pick(vocab.words);
	let actionCounter = 1000;

	for (let i = 0; i < options.count; i++) {
		const severity = rng.weighted(SEVERITY_WEIGHTS);
		const status = rng.weighted(STATUS_WEIGHTS);
		// More incidents in recent years, as an organisation grows.
		const daysAgo = 2 + Math.floor(spanDays * rng.next() ** 1.4);
		const started = asOfMs - daysAgo * 86_400_000 + rng.int(0, 86_399) * 1000;
		const detected = started + rng.int(30, 45 * 60) * 1000;
		const mitigated = detected + rng.int(5 * 60, 4 * 3600) * 1000;
		const resolved = mitigated + rng.int(10 * 60, 24 * 3600) * 1000;
		const startDate = iso(started).slice(0, 10);
		const resolvedDate = iso(resolved).slice(0, 10);
		const hasResolved = status === 'published' || rng.chance(0.5);

		const services = distinct(rng, Number(rng.weighted(SERVICE_COUNT_WEIGHTS)), pickService);
		const primary = services[0]!;
		const keyword = pickKeyword(rng);
		const title = rng.pick([
			() => `${rng.pick(SYMPTOMS)} in ${primary}`,
			() => `${rng.pick(SYMPTOMS)} after ${rng.pick(ACTIVITIES)}`,
			() => `${rng.pick(SYMPTOMS)} in ${primary} during ${rng.pick(ACTIVITIES)}`,
			() => `${capitalise(keyword)} problem degraded ${primary}`,
		])();
		const slug = `${startDate}-${slugify(title).split('-').slice(0, 6).join('-')}-${i.toString(36).padStart(3, '0')}`;
		const customerFacing = rng.chance(0.55);

		const timelineCount = rng.int(4, 12);
		const timelineEnd = hasResolved ? resolved : mitigated;
		const timelineTimes = Array.from({ length: timelineCount }, () => rng.int(started, timelineEnd)).sort((a, b) => a - b);
		const timeline = timelineTimes.map((at) => ({ at: iso(Math.floor(at / 1000) * 1000), event: sentence() }));

		const itemCount = rng.int(2, 8);
		const actionItems = Array.from({ length: itemCount }, (_, k) => {
			let priority = rng.weighted(PRIORITY_WEIGHTS);
			// A published customer-facing incident needs an urgent item (policy warning otherwise).
			if (k === 0 && customerFacing && priority !== 'P0' && priority !== 'P1') priority = 'P1';
			const window = priority === 'P0' || priority === 'P1' ? windows.urgentDueWindowDays[severity] : windows.otherDueWindowDays;
			const dueOffset = rng.int(Math.min(3, window), window);
			const due = addDays(startDate, dueOffset);
			const itemStatus = rng.weighted(due >= asOf ? NOT_DUE_STATUS : PAST_DUE_STATUS);
			const closed = itemStatus === 'done' || itemStatus === 'wont-do';
			const latestClose = Math.max(1, Math.min(daysBetween(startDate, asOf), dueOffset + 21));
			const owner = rng.chance(0.6) ? rng.pick(TEAMS) : rng.pick(PEOPLE);
			const id = `${rng.pick(ACTION_PREFIXES)}-${actionCounter++}`;
			return {
				id,
				title: rng.pick(ACTION_TEMPLATES).replace('{k}', pickKeyword(rng)).replace('{s}', rng.pick(services)),
				owner,
				priority,
				due,
				status: itemStatus,
				...(closed ? { completedOn: addDays(startDate, rng.int(1, latestClose)) } : {}),
				...(rng.chance(0.3) ? { ticket: `https://tracker.example.com/browse/${id}` } : {}),
				...(rng.chance(0.4) ? { rationale: sentence() } : {}),
			};
		});

		const reviews: Array<{ role: string; by: string; on: string }> = [];
		const reviewRoles = status === 'published' ? ['responder', 'lead', 'manager', ...(severity === 'SEV1' ? ['director'] : [])] : rng.chance(0.5) ? ['responder'] : [];
		for (const role of reviewRoles) reviews.push({ role, by: rng.pick(PEOPLE), on: addDays(resolvedDate, rng.int(1, 14)) });

		const hasSummary = rng.chance(0.9);
		const hasLessons = rng.chance(0.85);
		const drafted = hasSummary && rng.chance(0.08);
		const frontmatter = {
			title,
			severity,
			status,
			incident: `INC-${10000 + i}`,
			startedAt: iso(started),
			detectedAt: iso(detected),
			mitigatedAt: iso(mitigated),
			...(hasResolved ? { resolvedAt: iso(resolved) } : {}),
			services,
			tags: distinct(rng, rng.int(0, 4), pickTag),
			authors: distinct(rng, rng.int(1, 3), (r) => r.pick(handles)),
			impact: {
				summary: sentence(),
				...(rng.chance(0.7) ? { usersAffected: Math.floor(10 ** rng.int(1, 6) * rng.next()) } : {}),
				customerFacing,
				...(rng.chance(0.05) ? { dataLoss: rng.chance(0.3) } : {}),
			},
			...(hasSummary ? { summary: sentences(1, 3) } : {}),
			...(hasLessons ? { lessons: Array.from({ length: rng.int(2, 4) }, sentence) } : {}),
			timeline,
			contributingFactors: Array.from({ length: rng.int(1, 4) }, () => ({ kind: rng.pick(['technical', 'process', 'operational']), description: sentence() })),
			actionItems,
			reviews,
			...(drafted ? { drafted: { model: 'claude-sonnet-5-5', at: iso(resolved + 86_400_000), fields: ['summary'], reviewed: status === 'published' || rng.chance(0.7) } } : {}),
		};
		const body = generateBody(rng, { services, keyword, started, sentence, sentences, word, pickKeyword: () => pickKeyword(rng) });
		const text = `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n${body}`;
		const folder = rng.chance(0.03);
		yield { slug, relativePath: folder ? `${slug}/index.md` : `${slug}.md`, text, status, severity, bodyBytes: byteLength(body) };
	}
}

interface BodyContext {
	services: string[];
	keyword: string;
	started: number;
	sentence: () => string;
	sentences: (min: number, max: number) => string;
	word: () => string;
	pickKeyword: () => string;
}

/** A Markdown body between 2 and 10 KB: always a heading, a list, a table and a code block, then more sections to its target size. */
function generateBody(rng: Rng, ctx: BodyContext): string {
	// Skewed towards the small end: median about 5 KB.
	const target = BODY_MIN_BYTES + Math.floor((BODY_MAX_BYTES - BODY_MIN_BYTES - 512) * rng.next() ** 1.5);
	const service = () => rng.pick(ctx.services);
	const para = () => `${ctx.sentences(2, 5)}\n`;
	const bullets = () => `${Array.from({ length: rng.int(3, 6) }, () => `- ${ctx.sentence()}`).join('\n')}\n`;
	const steps = () => `${Array.from({ length: rng.int(3, 6) }, (_, k) => `${k + 1}. ${ctx.sentence()}`).join('\n')}\n`;
	const tasks = () => `${Array.from({ length: rng.int(2, 5) }, () => `- [${rng.chance(0.5) ? 'x' : ' '}] ${capitalise(ctx.pickKeyword())} on \`${service()}\``).join('\n')}\n`;
	const table = () => {
		const rows = Array.from({ length: rng.int(3, 7) }, () => {
			const before = rng.int(10, 400);
			return `| \`${service()}\` | ${ctx.pickKeyword()} | ${before} ms | ${before * rng.int(2, 40)} ms | ${rng.int(0, 100)}% |`;
		});
		return `| Service | Signal | Before | During | Error rate |\n|---|---|---:|---:|---:|\n${rows.join('\n')}\n`;
	};
	const code = () => {
		const kind = rng.pick(['log', 'yaml', 'sh', 'json', 'sql'] as const);
		let t = ctx.started;
		const lines: string[] = [];
		const count = rng.int(4, 12);
		for (let k = 0; k < count; k++) {
			t += rng.int(1, 90) * 1000;
			switch (kind) {
				case 'log':
					lines.push(`${iso(t)} ${rng.pick(LOG_LEVELS)} ${service()} ${ctx.word()} ${ctx.word()} ${ctx.word()} latency_ms=${rng.int(5, 30000)}`);
					break;
				case 'yaml':
					lines.push(`${ctx.word()}_${ctx.word()}: ${rng.int(1, 5000)}`);
					break;
				case 'sh':
					lines.push(`kubectl -n ${service()} ${rng.pick(['rollout undo', 'scale --replicas=12', 'get pods', 'describe deploy'])} ${service()}`);
					break;
				case 'json':
					lines.push(`  "${ctx.word()}": ${rng.chance(0.5) ? rng.int(0, 9999) : `"${ctx.word()}"`},`);
					break;
				case 'sql':
					lines.push(`SELECT ${ctx.word()}, count(*) FROM ${ctx.word()}_${ctx.word()} WHERE created_at > now() - interval '${rng.int(1, 60)} minutes' GROUP BY 1;`);
					break;
			}
		}
		const lang = kind === 'log' ? 'text' : kind;
		const content = kind === 'json' ? `{\n${lines.join('\n').replace(/,$/, '')}\n}` : lines.join('\n');
		return `\`\`\`${lang}\n${content}\n\`\`\`\n`;
	};
	const quote = () => `> ${ctx.sentence()}\n>\n> ${ctx.sentence()}\n`;
	const details = () => `<details>\n<summary>Chat excerpt</summary>\n\n${bullets()}\n</details>\n`;
	const runbook = () => `See the [runbook for ${service()}](https://runbooks.example.com/${service()}) and <https://status.example.com/incidents>. ${ctx.sentence()}\n`;

	// `true` marks a block every body gets (a list, a table, a code block); the rest fill up to the target size.
	const sections: Array<[string, Array<[() => string, boolean?]>]> = [
		['What happened', [[para], [bullets, true], [para]]],
		['Impact', [[para], [table, true]]],
		['Investigation', [[para], [code, true], [para]]],
		['Timeline notes', [[steps], [para]]],
		['Detection', [[para], [quote]]],
		['Contributing factors', [[bullets], [para]]],
		['Response', [[para], [code], [runbook]]],
		['What went well', [[bullets]]],
		['Where we got lucky', [[para], [details]]],
		['Follow-up', [[tasks], [para]]],
		['Appendix', [[code], [table]]],
	];
	const parts: string[] = [];
	let size = 0;
	const add = (block: string) => {
		parts.push(block);
		size += byteLength(block) + 1;
	};
	const fits = (block: string, limit: number) => size + byteLength(block) + 1 <= limit;
	for (let s = 0; s < sections.length; s++) {
		const [heading, blocks] = sections[s]!;
		const required = blocks.some(([, r]) => r);
		if (!required && size >= target) break;
		const kept: string[] = [`## ${heading}\n`];
		let keptSize = byteLength(kept[0]!) + 1;
		for (const [block, isRequired] of blocks) {
			const next = block();
			if (isRequired || size + keptSize + byteLength(next) + 1 <= target) {
				kept.push(next);
				keptSize += byteLength(next) + 1;
			}
		}
		if (kept.length === 1) continue;
		for (const block of kept) add(block);
		const sub = `### ${capitalise(ctx.keyword)}\n\n${para()}`;
		if (s === 2 && rng.chance(0.5) && fits(sub, target)) add(sub);
	}
	// Top up small bodies with paragraphs until they reach their target.
	while (size < target) {
		const next = para();
		if (!fits(next, BODY_MAX_BYTES)) break;
		add(next);
	}
	const footnote = `The dashboards are linked from the service page.[^dash]\n\n[^dash]: ${ctx.sentence()}\n`;
	if (rng.chance(0.1) && fits(footnote, BODY_MAX_BYTES)) add(footnote);
	return parts.join('\n');
}
