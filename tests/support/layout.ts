import type { Page } from 'playwright-core';

/**
 * Elements that reach past the viewport's right or left edge (so the page would scroll
 * sideways), outside any element that scrolls or clips them; empty when the page fits.
 */
export function elementsWiderThanViewport(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const out: string[] = [];
		if (document.documentElement.scrollWidth > width) out.push(`the page is ${document.documentElement.scrollWidth} px wide`);
		const clipped = (el: Element): boolean => {
			for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
				if (/auto|scroll|hidden|clip/.test(getComputedStyle(a).overflowX)) return true;
			}
			return false;
		};
		for (const el of document.body.querySelectorAll('*')) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.height === 0) continue;
			if ((r.right > width + 0.5 || r.left < -0.5) && !clipped(el)) {
				out.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ${Math.round(r.left)}…${Math.round(r.right)} px`);
			}
		}
		return out;
	});
}
