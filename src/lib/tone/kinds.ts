/** What a tone finding is about. */
export const TONE_KINDS = ['blame', 'role-as-person', 'human-error', 'hero', 'villain'] as const;
export type ToneKind = (typeof TONE_KINDS)[number];

/** One sentence that does not read as blameless. */
export interface ToneFinding {
	/** The sentence, trimmed, as it stands in the text. */
	sentence: string;
	kind: ToneKind;
	/** Who it is about, as written ("@dana", "the new hire"); absent when nobody is named. */
	who?: string;
	/** The words that make it a finding ("forgot", "human error", "single-handedly"). */
	phrase: string;
	/** A neutral way to write it instead. */
	hint: string;
}
