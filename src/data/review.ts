import { monthlyReviews, type MonthReview } from '../lib/review/monthly.ts';
import { getSiteAging } from './aging.ts';

let reviews: Promise<MonthReview[]> | undefined;

/** Astro-only: every month's action-item review, newest first, computed once per build from the aged items. */
export function getSiteReviews(): Promise<MonthReview[]> {
	reviews ??= getSiteAging().then((aging) => monthlyReviews(aging.aged, aging.asOf));
	return reviews;
}
