// The frontmatter schema, written once and shared by the site and the scripts.
export * from './action-item.ts';
export * from './blameless-exception.ts';
export * from './contributing-factor.ts';
export * from './drafted.ts';
export * from './impact.ts';
export * from './postmortem.ts';
export * from './primitives.ts';
export * from './review.ts';
export * from './severity.ts';
export * from './status.ts';
export * from './timeline-entry.ts';
