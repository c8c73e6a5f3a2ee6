import { findBlame } from '../../src/lib/tone/blame.ts';
import { slugify } from '../../src/lib/routing/slug.ts';

/**
 * The words and sentences a synthetic archive is written with. Built at run time
 * from public incident corpora (passed in as data, never stored in the project),
 * so the search index sees realistic vocabulary.
 */
export interface Vocabulary {
	/** Whole sentences, 30 to 280 characters, free of Markdown and blame. */
	sentences: string[];
	/** Short topic phrases such as "load balancer" (for titles and action items). */
	keywords: string[];
	/** Tag slugs, most common first. */
	tags: string[];
	/** Single lower-case words (for log lines and code). */
	words: string[];
}

/** Options for turning corpora into a vocabulary. */
export interface VocabularyOptions {
	/** Blame words from the config; sentences that read as blame are left out. */
	blameWords: ReadonlyArray<string>;
	/** Handles that will appear in the archive (their names must not meet blame words). */
	people?: ReadonlyArray<string>;
	/** How many tags to keep (the most frequent keywords). */
	maxTags?: number;
}

const STOP_WORDS = new Set(
	'about above after again against all also and any are because been before being below between both but can could did does doing down during each few for from further had has have having here how into its itself just more most not now off once only other our out over own same should some such than that the their them then there these they this those through too under until very was were what when where which while who why will with would your'.split(
		' ',
	),
);

function asRecords(value: unknown): Array<Record<string, unknown>> {
	return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : [];
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

function textList(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Splits prose into clean sentences fit to be reused in Markdown and YAML. */
export function cleanSentences(prose: string): string[] {
	// Lines first: a table row or heading must not run into the sentence after it.
	return prose
		.split(/\n+/)
		.flatMap((line) => line.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z])/))
		.map((s) => s.trim())
		.filter((s) => s.length >= 30 && s.length <= 280)
		.filter((s) => /^[A-Z]/.test(s) && /[.!?]$/.test(s))
		// Leave out anything Markdown or HTML would read as syntax, and links.
		.filter((s) => !/[<>`|#*_[\]{}\\]|https?:|www\./.test(s));
}

/**
 * Builds a vocabulary from the two public corpora: `public-postmortems.json`
 * (`{text, category}`) and `icco-postmortems.json` (`{summary, body, keywords, categories}`).
 * Unknown shapes are skipped, not fatal.
 */
export function vocabularyFromCorpora(corpora: { publicPostmortems?: unknown; iccoPostmortems?: unknown }, options: VocabularyOptions): Vocabulary {
	const prose: string[] = [];
	const keywordCount = new Map<string, number>();
	const countKeyword = (k: string) => {
		const key = k.trim().toLowerCase();
		if (key.length >= 3 && key.length <= 40 && /^[a-z0-9][a-z0-9 .-]*$/.test(key)) keywordCount.set(key, (keywordCount.get(key) ?? 0) + 1);
	};
	for (const r of asRecords(corpora.publicPostmortems)) {
		prose.push(text(r.text));
		if (text(r.category) && text(r.category) !== 'Uncategorized') countKeyword(text(r.category));
	}
	for (const r of asRecords(corpora.iccoPostmortems)) {
		prose.push(text(r.summary), text(r.body));
		for (const k of textList(r.keywords)) countKeyword(k);
		for (const c of textList(r.categories)) countKeyword(c.replace(/-/g, ' '));
	}
	return buildVocabulary(prose, keywordCount, options);
}

function buildVocabulary(prose: ReadonlyArray<string>, keywordCount: Map<string, number>, options: VocabularyOptions): Vocabulary {
	const tone = { blameWords: options.blameWords, knownPeople: options.people ?? [] };
	const seen = new Set<string>();
	const sentences: string[] = [];
	for (const p of prose) {
		for (const s of cleanSentences(p)) {
			if (seen.has(s)) continue;
			seen.add(s);
			if (findBlame(s, tone).length === 0) sentences.push(s);
		}
	}
	const wordCount = new Map<string, number>();
	for (const s of sentences) {
		for (const w of s.toLowerCase().match(/[a-z]{4,14}/g) ?? []) if (!STOP_WORDS.has(w)) wordCount.set(w, (wordCount.get(w) ?? 0) + 1);
	}
	const byCount = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
	// Keywords end up in titles and headings: keep out any that read as blame ("Byzantine fault").
	const blame = new Set(options.blameWords.map((w) => w.toLowerCase()));
	const keywords = byCount(keywordCount).filter((k) => !k.split(/\s+/).some((w) => blame.has(w)) && ![...blame].some((b) => b.includes(' ') && k.includes(b)));
	const tags = [...new Set(keywords.map(slugify).filter((t) => t.length >= 2))].slice(0, options.maxTags ?? 120);
	return { sentences, keywords, tags, words: byCount(wordCount).slice(0, 3000) };
}

/**
 * A small vocabulary written for tests and for running without the corpora.
 * Page sizes do not depend on it (the generator sizes bodies itself); only the
 * search index is less varied.
 */
export function fallbackVocabulary(options: VocabularyOptions): Vocabulary {
	const prose = [
		'A configuration change raised the connection limit on the primary database beyond what the replicas could hold.',
		'Requests queued behind a slow lock and the load balancer marked healthy hosts as failing.',
		'The deploy pipeline promoted a build that had passed tests against a stale schema.',
		'Retries from the mobile clients tripled the traffic reaching the gateway within two minutes.',
		'An expired certificate on the internal service mesh stopped calls between the checkout and payment services.',
		'The cache was flushed during peak traffic and every read fell through to the database.',
		'Disk usage on the log volume reached its limit and the service stopped accepting writes.',
		'The failover to the secondary region took longer than expected because DNS records had a long time to live.',
		'Alerting fired on the symptom but the dashboard did not show which dependency was slow.',
		'A batch job started at the same time as the nightly backup and both competed for input and output.',
		'The rollback restored service once the previous container image was redeployed to every zone.',
		'Rate limits on the upstream provider were reached after a marketing campaign doubled sign-ups.',
		'Health checks passed while the worker pool was exhausted, so traffic kept flowing to broken hosts.',
		'The queue consumers fell behind and messages older than the retention window were dropped.',
		'A memory leak in the image resizing service grew slowly over several days before the crash.',
		'Clock skew between two hosts made tokens appear expired and logins failed intermittently.',
		'The network change removed a route that the storage cluster used for replication traffic.',
		'On-call responders mitigated the impact by shifting traffic away from the affected zone.',
		'Customers saw errors at checkout and some orders were submitted twice.',
		'Search results were stale for several hours because the indexer had silently stopped.',
	];
	const keywords = ['database', 'load balancer', 'configuration', 'dns', 'certificate', 'cache', 'failover', 'latency', 'deploy', 'queue', 'network', 'storage', 'authentication', 'rate limit', 'memory leak', 'replication'];
	return buildVocabulary(prose, new Map(keywords.map((k, i) => [k, keywords.length - i])), options);
}
