import { describe, expect, it } from 'vitest';
import { cleanSentences, vocabularyFromCorpora } from '../../../bench/core/vocabulary.ts';

const blameWords = ['caused', 'forgot', 'mistake', 'fault'];

describe('vocabularyFromCorpora', () => {
	const corpora = {
		publicPostmortems: [
			{ company: 'Example', category: 'Config Errors', text: 'A bad router rule made every edge router crash at once. Dana forgot to check the rollout plan before pushing it.' },
			{ text: 42 },
		],
		iccoPostmortems: [
			{
				summary: 'Storage nodes lost power in one data center and the lock service was overloaded.',
				body: 'See https://example.com/postmortem for details on the outage.\n\n| a | b |\n\nThe handshake timeout was raised and metadata nodes were restarted by hand.',
				keywords: ['lock service', 'power loss', 'Byzantine fault'],
				categories: ['cloud'],
			},
		],
	};
	const vocab = vocabularyFromCorpora(corpora, { blameWords, people: ['@dana'] });

	it('keeps clean sentences and drops ones that blame a person', () => {
		expect(vocab.sentences).toContain('A bad router rule made every edge router crash at once.');
		expect(vocab.sentences).toContain('The handshake timeout was raised and metadata nodes were restarted by hand.');
		expect(vocab.sentences.some((s) => s.includes('forgot'))).toBe(false);
	});

	it('drops links and Markdown syntax', () => {
		expect(vocab.sentences.some((s) => s.includes('https://'))).toBe(false);
		expect(vocab.sentences.some((s) => s.includes('|'))).toBe(false);
	});

	it('turns keywords into tag slugs and leaves out blame words', () => {
		expect(vocab.tags).toEqual(expect.arrayContaining(['lock-service', 'power-loss', 'cloud', 'config-errors']));
		expect(vocab.keywords).not.toContain('byzantine fault');
	});

	it('skips entries of the wrong shape instead of failing', () => {
		expect(vocabularyFromCorpora({ publicPostmortems: 'nope', iccoPostmortems: null }, { blameWords }).sentences).toEqual([]);
	});
});

describe('helpers', () => {
	it('splits prose into sentences of a usable length', () => {
		expect(cleanSentences('Too short. This sentence is long enough to be kept in the vocabulary.')).toEqual(['This sentence is long enough to be kept in the vocabulary.']);
	});
});
