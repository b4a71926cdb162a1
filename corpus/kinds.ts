/**
 * The kinds of entity, in the order the UI lists them. A module of its own, without
 * zod, so extension pages can import the list without the schema: zod probes for
 * `new Function` when it loads, which the pages' CSP refuses (Firefox logs each refusal
 * as an error), and it would double the timeline's bundle.
 */
export const ENTITY_KINDS = ['person', 'organisation', 'event', 'agreement', 'place'] as const;
