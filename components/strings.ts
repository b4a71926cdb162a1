/**
 * Every user-facing string, in one place, grouped by the surface that shows it.
 * Keep sentences whole (no concatenated fragments) so they can be translated later.
 */
import type { EntityKind, RelationType } from '../engine/types';

export const KIND_LABEL: Record<EntityKind, string> = {
  person: 'Person',
  organisation: 'Organisation',
  event: 'Event',
  agreement: 'Agreement or project',
  place: 'Place',
};

export const KIND_LABEL_PLURAL: Record<EntityKind, string> = {
  person: 'People',
  organisation: 'Organisations',
  event: 'Events',
  agreement: 'Agreements and projects',
  place: 'Places',
};

/** How a relation reads on the card of the entity that states it, and on the other's. */
export const RELATION_LABEL: Record<RelationType, { out: string; in: string }> = {
  met: { out: 'Met', in: 'Met' },
  leads: { out: 'Leads', in: 'Led by' },
  led: { out: 'Led', in: 'Was led by' },
  'member-of': { out: 'Member of', in: 'Has member' },
  'part-of': { out: 'Part of', in: 'Includes' },
  'successor-of': { out: 'Successor of', in: 'Succeeded by' },
  'predecessor-of': { out: 'Predecessor of', in: 'Preceded by' },
  'party-to': { out: 'Party to', in: 'Party' },
  'took-part-in': { out: 'Took part in', in: 'Involved' },
  targeted: { out: 'Targeted', in: 'Targeted by' },
  ordered: { out: 'Ordered', in: 'Ordered by' },
  opposed: { out: 'Opposed', in: 'Opposed by' },
  'allied-with': { out: 'Allied with', in: 'Allied with' },
  'located-in': { out: 'Located in', in: 'Location of' },
  'related-to': { out: 'Related to', in: 'Related to' },
  criticised: { out: 'Criticised', in: 'Criticised by' },
  negotiated: { out: 'Negotiated', in: 'Negotiated by' },
  'killed-in': { out: 'Killed in', in: 'Killed' },
};

export const STRINGS = {
  appName: 'Backstory',
  /** The region's languages, as the card names them beside a name in their script. */
  languages: { ur: 'Urdu', fa: 'Persian', hi: 'Hindi' },
  card: {
    nativeNames: 'Name in Urdu, Persian and Hindi',
    keyFacts: 'Key facts',
    related: 'Connections',
    relatedCount: (n: number, onPage: number) =>
      onPage > 0 ? `Connections (${n}, ${onPage} on this page)` : `Connections (${n})`,
    onThisPage: 'on this page',
    /** The role held at the article's date, when it differs from today's. */
    roleThen: (role: string, date: string) => `${role} (as of ${date})`,
    roleNow: (role: string) => `Now: ${role}`,
    /** The words on the page could mean someone else (engine/doubt.ts). */
    doubtRead: (form: string, name: string, alternatives: boolean) =>
      alternatives
        ? `“${form}” is read as ${name} from the page; it could also be`
        : `“${form}” is read as ${name} from the page.`,
    doubtSame: (form: string) => `“${form}” could also be`,
    doubtOr: 'or',
    wrongOne: 'Wrong one?',
    notThisOne: 'Not this one',
    muteOn: (form: string, host: string) => `Mute “${form}” on ${host}`,
    muteEverywhere: (form: string) => `Mute “${form}” everywhere`,
    summaryMore: 'More',
    /** At the foot of a card that continues below. */
    moreBelow: 'More ↓',
    summaryLess: 'Less',
    since: (date: string, n: number) => (date ? `Since this article (${date}) · ${n}` : `Since this article · ${n}`),
    sources: 'Sources',
    more: (n: number) => `Show ${n} more ${n === 1 ? 'fact' : 'facts'}`,
    less: 'Show fewer facts',
    background: 'Background',
    backgroundTitle: 'Widely documented; not stated in the bundled articles',
    according: (who: string) => `According to ${who}`,
    /** Beside a citation whose claim is the article's but whose day is public record. */
    dateFromRecord: 'date: public record',
    dateFromRecordTitle: 'The claim is the cited article’s; the date comes from the public record',
    opinion: 'Opinion',
    opinionTitle: 'A writer’s view, dated to the article that gives it',
    contested: 'Contested',
    contestedTitle: 'A claim that other sources dispute',
    about: 'On',
    aboutLabel: (name: string) => `About ${name}: open its card`,
    showOnTimeline: 'Show on timeline',
    search: 'Search',
    back: 'Back',
    backTo: (name: string) => `Back to ${name}`,
    close: 'Close',
    loading: 'Loading…',
    notFound: 'This entry is not in the corpus.',
    when: 'When',
    where: 'Where',
    involved: 'Involved',
    dialogLabel: (name: string) => `Backstory: ${name}`,
    sourceLine: (outlet: string, date: string) => `${outlet}, ${date}`,
  },
  timeline: {
    title: 'Timeline',
    tagline: 'The events behind the news',
    filters: 'Filter the timeline',
    entityLabel: 'Names',
    entityPlaceholder: 'Filter by person, place, event…',
    entityHint: 'Type to find a name, Enter to add it, Backspace to remove the last one.',
    suggestions: 'Matching names',
    noSuggestions: 'No matching names',
    itemCount: (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`,
    removeChip: (name: string) => `Remove ${name}`,
    chipAdded: (name: string) => `Added ${name}`,
    chipRemoved: (name: string) => `Removed ${name}`,
    matchLabel: 'Involving',
    matchAny: 'any of them',
    matchAll: 'all of them',
    thisPage: 'This page',
    thisPageHint: 'Only what involves names in the article you are reading',
    pageLoading: 'Reading the current tab…',
    pageFound: (n: number, host: string) => `${n} ${n === 1 ? 'name' : 'names'} found on ${host}`,
    /** When the article stands apart from the page's rails and menus, "This page" means the article. */
    articleFound: (n: number, host: string, elsewhere: number) =>
      `${n} ${n === 1 ? 'name' : 'names'} in the article on ${host} (${elsewhere} more only in its rails and menus)`,
    pageNone: (host: string) => `No names from Backstory found on ${host}`,
    pageOff: (host: string) => `Backstory is switched off on ${host}`,
    pageUnavailable: 'Backstory cannot read this tab',
    kinds: 'Kinds',
    kind: {
      person: 'People',
      organisation: 'Organisations',
      event: 'Events',
      agreement: 'Agreements',
      place: 'Places',
    },
    dates: 'Dates',
    from: 'From',
    to: 'To',
    year: 'Year',
    month: 'Month',
    anyYear: 'Any year',
    anyMonth: 'Any month',
    clear: 'Clear filters',
    /** Scrolls the timeline to the date of the article in the tab. */
    aroundArticle: (date: string) => `Around this article (${date})`,
    moreFilters: 'Kinds and dates',
    activeFilters: (n: number) => `${n} set`,
    status: (shown: number, total: number) =>
      shown === total
        ? `${total} ${total === 1 ? 'event or fact' : 'events and facts'}`
        : `Showing ${shown} of ${total} events and facts`,
    empty: 'Nothing on the timeline matches these filters.',
    emptyCorpus: 'The timeline is empty: the corpus has no dated events or facts.',
    yearCount: (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`,
    involved: 'Involved',
    sources: 'Sources',
    alsoReported: 'Also reported',
    openCard: (name: string) => `${name}: open its card`,
    focused: (name: string) => `Showing the timeline of ${name}`,
    close: 'Close card',
  },
  popup: {
    searchLabel: 'Search the Backstory corpus',
    searchPlaceholder: 'Search people, places, events…',
    results: 'Search results',
    resultCount: (n: number) => (n === 0 ? 'No results' : `${n} ${n === 1 ? 'result' : 'results'}`),
    noResults: (query: string) => `Nothing in the corpus matches “${query}”.`,
    noResultsHint: 'Check the spelling, or type less of the name.',
    /** Says where a result matched, when it was not its name. */
    matchedIn: {
      name: 'Name',
      alias: 'Also called',
      role: 'Role',
      event: 'When and where',
      fact: 'Fact',
      summary: 'Summary',
    },
    onThisPage: 'On this page',
    pageLoading: 'Reading this page…',
    pageNone: 'Backstory found no names from its corpus on this page.',
    articleNone: 'The article names nothing from Backstory’s corpus.',
    pageOff: 'Backstory is switched off on this site.',
    pageOffEverywhere: 'Backstory is switched off everywhere.',
    pageUnreachable: 'Backstory can’t read this tab.',
    pageUnreachableWhy:
      'Browser pages (chrome://, about: and the like) and extension stores are closed to extensions, and a page that was open before Backstory was installed or updated needs a reload.',
    revealHint: 'Choose a name to scroll to its next mention.',
    /** Names mentioned only in the page's rails, menus and footers, apart from the article's. */
    elsewhere: (n: number) => `Elsewhere on the page (${n})`,
    elsewhereHint: 'In menus, rails and related links, not in the article.',
    /** The page's publication date, which the cards are read against. */
    articleOf: (date: string) => `Article of ${date}: cards read as of then`,
    reveal: (name: string, count: number) =>
      `${name}, ${count} ${count === 1 ? 'mention' : 'mentions'}: show the next one on the page`,
    mentions: (n: number) => `${n} ${n === 1 ? 'mention' : 'mentions'}`,
    about: (name: string) => `Card for ${name}`,
    recentEvents: 'Recent events',
    backToResults: 'Back to results',
    back: 'Back',
    showingCard: (name: string) => `Showing the card for ${name}`,
    timeline: 'Timeline',
    timelineLabel: 'Open the timeline in the side panel',
    switches: 'Switch Backstory on or off',
    onSite: (host: string) => `On ${host}`,
    everywhere: 'On all sites',
    marks: 'Marks',
    muted: 'Muted',
    mutedEverywhere: 'everywhere',
    unmute: 'Unmute',
    unmuteLabel: (name: string, where: string) => `Unmute ${name} (${where})`,
    unlinked: (n: number) => `${n} ${n === 1 ? 'mention' : 'mentions'} unlinked on this page.`,
    relink: 'Undo',
    markMode: { all: 'Every mention', first: 'First mentions', none: 'None (hover only)' },
  },
} as const;
