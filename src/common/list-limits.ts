/**
 * Page sizes of the lists nested under an entity, in a module of their own (no imports): the
 * args classes, the cost estimates and the repositories all read them, and the args modules sit
 * in an import cycle through the GraphQL types.
 */

/**
 * An entity's relations come a page at a time: a hub has thousands. The default page holds every
 * relation of the article's best-connected entity (Microsoft, 48), so its answers are whole.
 */
export const ENTITY_RELATIONS_PAGE = { default: 50, max: 500 } as const;

/** Events in one list (an entity's, or all); a list is cut in Cypher, in date order. */
export const EVENTS_PAGE = { default: 20, max: 200 } as const;

/** Participants listed per event: a summit may gather many; the cap keeps one event's answer small. */
export const PARTICIPANTS_CAP = 50;
