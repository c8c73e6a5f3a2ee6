import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/lib/format/escape-html.ts';

describe('escapeHtml', () => {
	it('escapes the characters that would start markup or end an attribute', () => {
		expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
	});
});
