import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/lib/format/html-text.ts';

describe('htmlToText', () => {
	it('keeps one block per paragraph, item and heading, drops tags and code, decodes entities', () => {
		expect(htmlToText('<h2>What happened</h2><p>Dana&#39;s change &amp; <em>the</em> deploy.</p><ul><li>One</li><li>Two</li></ul><pre><code>rm -rf</code></pre>')).toBe(
			"What happened\n\nDana's change & the deploy.\n\nOne\n\nTwo",
		);
	});
});
