import { readFileSync } from 'node:fs';
import { findBlame, type ToneKind } from '../../../src/lib/tone/blame.ts';

/** One labelled sentence of tests/lib/tone/data/*.json. */
export interface LabelledSentence {
	text: string;
	blame: boolean;
	/** For blaming sentences the expected kind; for clean ones the counter-case they stand for. */
	kind: string;
	who?: string;
	people?: string[];
}

export function readLabelledSet(name: string): LabelledSentence[] {
	const url = new URL(`./data/${name}`, import.meta.url);
	return (JSON.parse(readFileSync(url, 'utf8')) as { sentences: LabelledSentence[] }).sentences;
}

/** Precision and recall of the check on blaming sentences, with the sentences it got wrong. */
export interface Score {
	total: number;
	precision: number;
	recall: number;
	/** Of the blaming sentences found, how many got the expected kind. */
	kindAccuracy: number;
	falsePositives: string[];
	falseNegatives: string[];
}

export function scoreSet(set: ReadonlyArray<LabelledSentence>): Score {
	let tp = 0;
	let kindRight = 0;
	const falsePositives: string[] = [];
	const falseNegatives: string[] = [];
	for (const s of set) {
		const [finding] = findBlame(s.text, { knownPeople: s.people ?? [] });
		if (finding && s.blame) {
			tp++;
			if (finding.kind === (s.kind as ToneKind)) kindRight++;
		} else if (finding) falsePositives.push(`${s.text} → ${finding.kind}: ${finding.phrase}`);
		else if (s.blame) falseNegatives.push(s.text);
	}
	return {
		total: set.length,
		precision: tp / (tp + falsePositives.length),
		recall: tp / (tp + falseNegatives.length),
		kindAccuracy: tp === 0 ? 0 : kindRight / tp,
		falsePositives,
		falseNegatives,
	};
}
