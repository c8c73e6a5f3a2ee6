import {
	ATTEMPT_VERBS,
	BAD_OUTCOMES,
	BENIGN_TARGETS,
	CAUSE_BEFORE,
	CHANGE_NOUNS,
	CLAUSE_BREAKS,
	COMMITMENTS,
	DESTRUCTIVE_VERBS,
	DUTY_VERBS,
	FAULT_NOUNS,
	HUMAN_ERROR,
	HUMAN_ONLY_VERBS,
	IRREGULAR_PARTICIPLES,
	LEADING_FILLERS,
	NEGATORS,
	NOT_PARTICIPLE,
	OUTCOME_VERBS,
	REMEDY_VERBS,
	SAFEGUARDS,
	STRONG_MARKERS,
	WRONG_MARKERS,
	WRONG_PHRASES,
	WRONG_VERBS,
} from './words.ts';
import { findPhrase, phraseAt, phraseBefore, type Token } from './tokens.ts';
import type { Mention } from './people.ts';

/**
 * A person as the agent of something that went wrong: any verb, judged by what the
 * person's own clause says (a wrong verb, an omission, a counterfactual, an ordinary
 * action done "without a lock timeout"), by what their possessive owns ("Marco's change
 * broke…"), by a passive agent ("caused by @dana") or by a cause ("the loss is on Gráinne").
 * Naming who did what (paged, acknowledged, rolled back, will add) stays clean.
 */

/** Why a mention reads as blame: the words that tie the person to the problem. */
export interface Agency {
	phrase: string;
	/** What the person is tied to, for the rewrite hint. */
	how: 'omission' | 'counterfactual' | 'action' | 'fault' | 'cause' | 'change';
}

const SUBJECT_OPENERS = new Set(`when because after before if that and then once as since until while so but lesson lessons why whether
	although though which where how lessons: note root`.split(/\s+/));
const PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'been', 'got', 'gets', 'being']);
const MODALS = new Set(['should', 'could', 'ought', 'must', 'would', 'might', "should've", "could've", "would've"]);
const OMISSIONS: ReadonlyArray<ReadonlyArray<string>> = [
	['did', 'not'], ["didn't"], ['never'], ['had', 'not'], ["hadn't"], ['has', 'not'], ["hasn't"], ['have', 'not'], ["haven't"], ['failed', 'to'], ['neglected', 'to'], ['forgot', 'to'], ['omitted', 'to'], ['did', 'nothing', 'to'], ['does', 'not'], ["doesn't"],
];
const EXCULPATORY: ReadonlyArray<ReadonlyArray<string>> = [
	'followed the runbook', 'followed the procedure', 'followed the playbook', 'per the runbook', 'as the runbook', 'what the runbook says',
	'as documented', 'as instructed', 'as designed', 'by the book', 'as the procedure', 'exactly as written',
].map((p) => p.split(' '));
const FAULT_AFTER_NEGATION = new Set(['fault', 'blame', 'wrong', 'cause', 'caused', 'responsible', 'mistake', 'mistakes', 'error', 'errors', 'blamed', 'careless']);
const RELATIVE = new Set(['that', 'which', 'who', 'whose']);
const NEW_SUBJECT = new Set(['the', 'a', 'an', 'it', 'its', 'this', 'these', 'those', 'we', 'they', 'he', 'she', 'our', 'their', 'traffic', 'errors', 'service', 'users', 'customers']);

const HUMAN_ACTIONS = new Set(`pushed merged approved deployed applied edited changed configured typed copied pasted flushed kicked ran rotated renamed
	committed shipped released toggled flipped enabled disabled executed scheduled launched wrote signed updated modified set made chose decided
	opted tried started rebooted restarted promoted dropped deleted removed`.split(/\s+/));
const WRONG_OR_FRAMING = [...WRONG_PHRASES, ...HUMAN_ERROR];
const BAD_ADJECTIVES = new Set(['bad', 'untested', 'unreviewed', 'broken', 'faulty', 'rogue', 'wrong', 'buggy', 'careless', 'reckless', 'sloppy', 'hasty', 'rushed', 'incorrect', 'botched']);
const wordOf = (t: Token | undefined) => t?.low ?? '';
const VERBISH = new Set(['was', 'were', 'is', 'did', "didn't", 'never', 'had', 'has', 'should', 'could', 'must', 'needs', 'would', 'then', 'also', 'just', 'accidentally', 'mistakenly', 'simply', 'ran', 'took', 'made', 'left', 'let', 'put', 'set', 'sent', 'wrote', 'broke']);
const looksLikeVerb = (low: string) => VERBISH.has(low) || /ed$/.test(low) || WRONG_VERBS.has(low) || HUMAN_ONLY_VERBS.has(low) || low.endsWith("n't");
const isParticiple = (low: string) => /(?:ed|en)$/.test(low) || IRREGULAR_PARTICIPLES.has(low);

/** Whether a negation stands within `span` words before `i`. */
export function negatedBefore(tokens: ReadonlyArray<Token>, i: number, span = 3): boolean {
	for (let k = Math.max(0, i - span); k < i; k++) if (NEGATORS.has(tokens[k]!.low) || tokens[k]!.low.endsWith("n't")) return true;
	return false;
}

/** The end of the clause that starts at `from`: the next break, comma included. */
function clauseEnd(tokens: ReadonlyArray<Token>, from: number): number {
	for (let k = from; k < tokens.length; k++) {
		const t = tokens[k]!;
		if (k > from && CLAUSE_BREAKS.has(t.low)) return k;
		if (t.punct && t.low === ',') {
			// ", and then…" / ", and …" carries on with the same subject.
			if (tokens[k + 1]?.low === 'and' || tokens[k + 1]?.low === 'then') continue;
			return k;
		}
	}
	return tokens.length;
}

/** Splits a predicate into the verb phrases its subject does ("acknowledged the page and then went back to sleep"). */
function conjuncts(tokens: ReadonlyArray<Token>, from: number, to: number): Array<[number, number]> {
	const out: Array<[number, number]> = [];
	let start = from;
	for (let k = from; k <= to; k++) {
		const t = tokens[k];
		if (k === to || (t && (t.low === 'and' || (t.low === ',' && tokens[k + 1]?.low === 'and')))) {
			if (k > start) out.push([start, k]);
			if (k === to) break;
			let next = k + 1;
			while (tokens[next] && (tokens[next]!.low === 'and' || tokens[next]!.low === ',')) next++;
			// "… and errors stopped", "… and the backlog drained": a new subject, not this person's doing.
			const first = tokens[next];
			if (!first || NEW_SUBJECT.has(first.low) || (first.cap && !first.punct)) break;
			start = next;
			k = next - 1;
		}
	}
	return out;
}

interface Judge {
	strength: Mention['strength'];
	/** Where the subject ends: the first verb phrase starts here. */
	subjectEnd: number;
	extraWords: ReadonlyArray<ReadonlyArray<string>>;
}

/** Judges one verb phrase of a person: what makes it go wrong, if anything. `null` means a negation cleared the person. */
function judgeConjunct(tokens: ReadonlyArray<Token>, from: number, to: number, judge: Judge): Agency | null | undefined {
	const weak = judge.strength === 'weak';
	let i = from;
	while (i < to && (tokens[i]!.punct || LEADING_FILLERS.has(tokens[i]!.low))) i++;
	if (i >= to) return undefined;
	const first = tokens[i]!;
	// A capitalised word of unknown kind is a person only when a verb follows it ("Aoife restarted…", not "Side effects…").
	if (weak && from === judge.subjectEnd && !looksLikeVerb(first.low)) return null;
	if (COMMITMENTS.has(first.low) || (first.low === 'is' && /ing$/.test(wordOf(tokens[i + 1])))) return undefined;
	// "did nothing wrong", "did not cause", "was not at fault": the negation clears the person.
	for (let k = i; k < to; k++) {
		if (!(NEGATORS.has(tokens[k]!.low) || tokens[k]!.low.endsWith("n't"))) continue;
		for (let n = k + 1; n <= Math.min(to - 1, k + 3); n++) if (FAULT_AFTER_NEGATION.has(tokens[n]!.low)) return null;
	}
	let relAt = to;
	for (let k = i + 1; k < to; k++) if (RELATIVE.has(tokens[k]!.low)) (relAt = Math.min(relAt, k));
	const phrase = findPhrase(tokens, judge.extraWords.length === 0 ? WRONG_OR_FRAMING : [...WRONG_OR_FRAMING, ...judge.extraWords], i, relAt);
	if (phrase) return { phrase: phrase.phrase.join(' '), how: 'action' };
	// "responsible for the outage" (not "responsible for the follow-up")
	const resp = findPhrase(tokens, [['responsible', 'for'], ['accountable', 'for'], ['to', 'blame', 'for']], i, relAt);
	if (resp) {
		for (let k = resp.at + resp.phrase.length; k < Math.min(to, resp.at + resp.phrase.length + 4); k++) {
			if (BAD_OUTCOMES.has(tokens[k]!.low)) return { phrase: resp.phrase.join(' '), how: 'fault' };
		}
	}
	// Modal counterfactual: "should have waited", "could have prevented"; not "should have the runbook ready".
	for (let k = i; k < relAt - 1; k++) {
		if (!MODALS.has(tokens[k]!.low)) continue;
		let h = k + 1;
		if (tokens[h]?.low === 'not' || tokens[h]?.low === "n't") h++;
		const have = tokens[k]!.low.endsWith("'ve") ? k : tokens[h]?.low === 'have' ? h : -1;
		if (have < 0) continue;
		const next = wordOf(tokens[have + 1]);
		if (!next || NOT_PARTICIPLE.has(next)) return undefined;
		if (next === 'been') return isParticiple(wordOf(tokens[have + 2])) ? undefined : { phrase: `${tokens[k]!.low} have been ${wordOf(tokens[have + 2])}`, how: 'counterfactual' };
		if (isParticiple(next) || WRONG_VERBS.has(next)) return { phrase: `${tokens[k]!.low} have ${next}`, how: 'counterfactual' };
	}
	// Passive: "was paged", "was never told" — the person is the one something happened to.
	if (PASSIVE_AUX.has(first.low)) {
		let p = i + 1;
		while (p < to && (tokens[p]!.low === 'not' || tokens[p]!.low === 'never' || LEADING_FILLERS.has(tokens[p]!.low))) p++;
		if (isParticiple(wordOf(tokens[p]))) return undefined;
	}
	// Omissions: "never checked", "did not wait", "had not tested", "failed to escalate" (not "failed to reproduce").
	for (let k = Math.max(from, i - 1); k < relAt; k++) {
		const om = OMISSIONS.find((o) => phraseAt(tokens, k, o));
		if (!om) continue;
		if (k > i && PASSIVE_AUX.has(tokens[k - 1]!.low)) break;
		const verb = wordOf(tokens[k + om.length]);
		if (!verb) break;
		if (ATTEMPT_VERBS.has(verb)) return undefined;
		return { phrase: `${om.join(' ')} ${verb}`, how: 'omission' };
	}
	// Remedies and observations ("reported the leaked credentials", "rolled back the release that caused…")
	// go wrong only with a strong marker ("restarted the wrong cluster").
	if (REMEDY_VERBS.has(first.low) || (first.low === 'took' && tokens[i + 1]?.low === 'over')) {
		const strong = findPhrase(tokens, STRONG_MARKERS, i, to);
		return strong ? { phrase: strong.phrase.join(' '), how: 'action' } : undefined;
	}
	// A verb that is wrong whatever its object.
	for (let k = i; k < relAt; k++) {
		const w = tokens[k]!.low;
		if (WRONG_VERBS.has(w)) {
			if (DESTRUCTIVE_VERBS.has(w) && benignTarget(tokens, k + 1, to)) continue;
			return { phrase: w, how: 'action' };
		}
		// "let the registration lapse", "left the flag on overnight"
		if ((w === 'let' || w === 'left') && lingers(tokens, k + 1, to)) return { phrase: `${w} … ${lingers(tokens, k + 1, to)}`, how: 'action' };
		// "disabled the rate limiter", "turned off the alert" (not "disabled the feature flag")
		if ((['disabled', 'silenced', 'muted', 'bypassed'].includes(w) || (['turned', 'switched'].includes(w) && tokens[k + 1]?.low === 'off'))) {
			for (let s = k + 1; s < Math.min(to, k + 6); s++) if (SAFEGUARDS.has(tokens[s]!.low)) return { phrase: `${w} the ${tokens[s]!.low}`, how: 'action' };
		}
	}
	const strong = findPhrase(tokens, STRONG_MARKERS, i, to);
	if (strong) return { phrase: strong.phrase.join(' '), how: 'action' };
	if (REMEDY_VERBS.has(first.low) || (first.low === 'took' && tokens[i + 1]?.low === 'over')) return undefined;
	// An unknown capitalised word doing something "without a canary" is a person only if the verb is one people do
	// ("Marisol pushed… without", not "Site loaded without styles").
	if (weak && !HUMAN_ACTIONS.has(first.low)) return undefined;
	const marker = findPhrase(tokens, WRONG_MARKERS, i, to);
	if (marker) return { phrase: marker.phrase.join(' '), how: 'action' };
	// "pushed a migration that dropped a column": the relative clause says what the action did.
	for (let k = relAt + 1; k < to; k++) if (OUTCOME_VERBS.has(tokens[k]!.low) && k <= relAt + 2) return { phrase: `${first.low} … ${tokens[k]!.low}`, how: 'action' };
	return undefined;
}

function benignTarget(tokens: ReadonlyArray<Token>, from: number, to: number): boolean {
	for (let k = from; k < Math.min(to, from + 4); k++) if (BENIGN_TARGETS.has(tokens[k]!.low)) return true;
	return false;
}

const LINGER = new Set(['lapse', 'expire', 'expired', 'fill', 'slip', 'drift', 'rot', 'on', 'open', 'running', 'enabled', 'unlocked', 'exposed', 'unattended', 'unpatched', 'place']);
function lingers(tokens: ReadonlyArray<Token>, from: number, to: number): string | undefined {
	for (let k = from; k < Math.min(to, from + 7); k++) if (LINGER.has(tokens[k]!.low)) return tokens[k]!.low;
	return undefined;
}

/** Whether the person is the subject of what follows them. */
function isSubject(tokens: ReadonlyArray<Token>, m: Mention): boolean {
	const prev = tokens[m.start - 1];
	if (!prev) return true;
	return prev.punct || SUBJECT_OPENERS.has(prev.low) || /\d/.test(prev.low);
}

/** What the person's own clause says, from `from` on: appositives and who-clauses included. */
function predicateAgency(tokens: ReadonlyArray<Token>, from: number, judge: Judge): Agency | null | undefined {
	let start = from;
	// "Kwame, who was in his second week, disabled…": judge the who-clause, then go on after it.
	if (tokens[start]?.low === ',') {
		let close = start + 1;
		while (close < tokens.length && tokens[close]!.low !== ',' && close - start < 14) close++;
		const inner = tokens[start + 1]?.low === 'who' ? judgeSpan(tokens, start + 2, close, judge) : undefined;
		if (inner !== undefined) return inner;
		if (tokens[close]?.low !== ',') return undefined;
		start = close + 1;
	}
	if (tokens[start]?.low === 'who') start++;
	return judgeSpan(tokens, start, clauseEnd(tokens, start), judge);
}

function judgeSpan(tokens: ReadonlyArray<Token>, from: number, to: number, judge: Judge): Agency | null | undefined {
	// Following the procedure is the opposite of a mistake: the procedure is what to look at.
	if (findPhrase(tokens, EXCULPATORY, from, to)) return null;
	for (const [a, b] of conjuncts(tokens, from, to)) {
		const verdict = judgeConjunct(tokens, a, b, judge);
		if (verdict !== undefined) return verdict;
	}
	return undefined;
}

/** Whether the sentence says something went wrong at all ("the data loss is on Gráinne" vs "the follow-up is on Dana"). */
function saysSomethingWentWrong(tokens: ReadonlyArray<Token>): boolean {
	return tokens.some((t) => BAD_OUTCOMES.has(t.low) && t.low !== 'this' && t.low !== 'it') || findPhrase(tokens, WRONG_MARKERS) !== undefined;
}

/** The possessive's noun phrase: a fault by itself ("Kim's oversight") or a change that did harm ("Marco's change broke…"). */
function possessiveAgency(tokens: ReadonlyArray<Token>, m: Mention, caused: boolean): Agency | undefined {
	let head = -1;
	let bad: string | undefined;
	for (let k = m.end; k < Math.min(tokens.length, m.end + 5); k++) {
		const t = tokens[k]!;
		if (t.punct) break;
		if (FAULT_NOUNS.has(t.low)) return { phrase: `${m.text}'s ${t.low}`, how: 'fault' };
		if (BAD_ADJECTIVES.has(t.low) || (WRONG_VERBS.has(t.low) && k <= m.end + 1 && !['a', 'an', 'the', 'all', 'every'].includes(tokens[k + 1]?.low ?? ''))) bad = t.low;
		if (CHANGE_NOUNS.has(t.low)) head = k;
		else if (head >= 0) break;
	}
	if (bad) return { phrase: `${m.text}'s ${bad}`, how: 'change' };
	if (head < 0) return undefined;
	if (caused) return { phrase: `${m.text}'s ${bad ? `${bad} ` : ''}${tokens[head]!.low}`, how: 'change' };
	// What the change did: the verb right after the noun phrase, then the rest of its clause as if the change were the subject.
	const end = clauseEnd(tokens, head + 1);
	for (let k = head + 1; k < Math.min(end, head + 4); k++) {
		const w = tokens[k]!.low;
		if (OUTCOME_VERBS.has(w) || WRONG_VERBS.has(w)) return { phrase: `${tokens[head]!.low} ${w}`, how: 'change' };
	}
	const judged = judgeSpan(tokens, head + 1, end, { strength: 'strong', extraWords: [], subjectEnd: -1 });
	return judged ? { phrase: judged.phrase, how: 'change' } : undefined;
}

/** Whether a mention is the agent of something that went wrong in this sentence, and by which words. */
export function agencyOf(tokens: ReadonlyArray<Token>, m: Mention, extraWords: ReadonlyArray<ReadonlyArray<string>> = []): Agency | undefined {
	const judge: Judge = { strength: m.strength, extraWords, subjectEnd: m.end };
	// A capitalised word of unknown kind is a person only when a verb (or a possessive) follows it at once.
	if (m.strength === 'weak' && !m.possessive && !looksLikeVerb(wordOf(tokens[m.end])) && tokens[m.end]?.low !== 'who') return undefined;
	if (negatedBefore(tokens, m.start, 2) && (m.possessive || tokens[m.start - 1]?.low !== 'never')) return undefined;
	const cause = phraseBefore(tokens, m.start, CAUSE_BEFORE) ?? (tokens[m.start - 1]?.low === 'the' ? phraseBefore(tokens, m.start - 1, CAUSE_BEFORE) : undefined);
	const lenient = cause && ['is on', 'was on', 'lies with', 'rests with', 'falls on', 'fell on', 'down to'].includes(cause.join(' '));
	const causal = cause !== undefined && (!lenient || saysSomethingWentWrong(tokens)) && !negatedBefore(tokens, m.start - cause.length, 3);
	if (m.possessive) return possessiveAgency(tokens, m, causal);
	if (causal) return { phrase: `${cause!.join(' ')} ${m.text}`, how: 'cause' };
	const prev = tokens[m.start - 1];
	// "if Jordan had read…", "Had Leilani checked…"
	if (tokens[m.end]?.low === 'had' && prev?.low === 'if' && tokens[m.end + 1]?.low !== 'not' && isParticiple(wordOf(tokens[m.end + 1]))) {
		return { phrase: `if … had ${wordOf(tokens[m.end + 1])}`, how: 'counterfactual' };
	}
	if (prev?.low === 'had' && (m.start === 1 || tokens[m.start - 2]?.punct) && isParticiple(wordOf(tokens[m.end])) && m.strength !== 'weak') {
		return { phrase: `had … ${wordOf(tokens[m.end])}`, how: 'counterfactual' };
	}
	// "caused by @dana", "was started by @kwame-a … without a timeout"; not "updated by the communications lead".
	if (prev?.low === 'by') return byAgent(tokens, m);
	// "…except Jakob, who pushed it anyway": a who-clause says what the person did, wherever they stand.
	if (tokens[m.end]?.low === ',' && tokens[m.end + 1]?.low === 'who' && !isSubject(tokens, m)) {
		const verdict = judgeSpan(tokens, m.end + 2, clauseEnd(tokens, m.end + 2), judge);
		if (verdict) return verdict;
	}
	// "It was Lena who deployed the broken build": the who-clause is what the person did.
	if (tokens[m.end]?.low === 'who') return judgeSpan(tokens, m.end + 1, clauseEnd(tokens, m.end + 1), judge) ?? undefined;
	if (!isSubject(tokens, m)) return undefined;
	return predicateAgency(tokens, m.end, judge) ?? undefined;
}

function byAgent(tokens: ReadonlyArray<Token>, m: Mention): Agency | undefined {
	// "a decision by Sigrid", "the change by @dana": a change of theirs, judged like "Sigrid's decision".
	if (CHANGE_NOUNS.has(tokens[m.start - 2]?.low ?? '')) {
		const nounAt = m.start - 2;
		const opener = tokens[nounAt - 1] && ['a', 'an', 'the'].includes(tokens[nounAt - 1]!.low) ? nounAt - 1 : nounAt;
		const caused = phraseBefore(tokens, opener, CAUSE_BEFORE) !== undefined;
		return possessiveAgency(tokens, { ...m, end: m.start - 1 }, caused) ?? (caused ? { phrase: `${tokens[nounAt]!.low} by ${m.text}`, how: 'change' } : undefined);
	}
	let participle = -1;
	for (let k = m.start - 2; k >= 0 && k >= m.start - 8; k--) {
		const t = tokens[k]!;
		if (t.punct) break;
		if (isParticiple(t.low) || WRONG_VERBS.has(t.low)) {
			participle = k;
			break;
		}
	}
	if (participle < 0) return undefined;
	const verb = tokens[participle]!.low;
	if (WRONG_VERBS.has(verb) || OUTCOME_VERBS.has(verb) || ['introduced', 'broken', 'missed', 'ignored', 'approved'].includes(verb)) {
		if (REMEDY_VERBS.has(verb) && !OUTCOME_VERBS.has(verb)) return undefined;
		return { phrase: `${verb} by ${m.text}`, how: 'cause' };
	}
	if (REMEDY_VERBS.has(verb)) return undefined;
	// A marker in the same clause: "was started by @kwame-a at 14:02 without a timeout".
	let clauseStart = participle;
	while (clauseStart > 0 && !tokens[clauseStart - 1]!.punct) clauseStart--;
	const marker = findPhrase(tokens, WRONG_MARKERS, clauseStart, clauseEnd(tokens, m.end));
	return marker ? { phrase: `${verb} by ${m.text} … ${marker.phrase.join(' ')}`, how: 'action' } : undefined;
}
