/** Site-relative paths of the monthly review pages (pass through `withBase`). */
export const reviewPaths = {
	index: () => 'actions/review/',
	month: (month: string) => `actions/review/${month}/`,
} as const;
