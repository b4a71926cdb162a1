/**
 * Validates the corpus as written in `data/`: JSON syntax, the zod schema, and the
 * cross-file checks a schema cannot express (ids that must resolve, calendar dates,
 * aliases two entities would both claim). It works on file contents rather than on
 * the file system so tests can feed it small bad corpora, and it never stops at the
 * first problem: every problem is collected, so one build run shows all of them.
 */
import type { z } from 'zod';
import {
  EntitySchema,
  SourceSchema,
  type Entity,
  type Source,
} from './schema';

/** One thing wrong with the corpus. `file` is relative to the project root. */
export interface Problem {
  file: string;
  /** Where in the file: `entities[3].facts[0].date`, or `(file)` for the whole file. */
  path: string;
  message: string;
}

export interface RawFile {
  /** Path relative to the project root, used in problem reports. */
  file: string;
  text: string;
}

export interface CorpusInput {
  sources: RawFile;
  entities: RawFile[];
}

/** An entity together with where it was written, for reports and for compile order. */
export interface LocatedEntity {
  file: string;
  index: number;
  entity: Entity;
}

export interface ValidationResult {
  problems: Problem[];
  /** The parts that passed the schema; complete only when `problems` is empty. */
  sources: Source[];
  entities: LocatedEntity[];
}

const WHOLE_FILE = '(file)';

// ---------------------------------------------------------------------------------
// Dates

export interface DateBounds {
  /** First and last day covered, as `YYYYMMDD` numbers so they compare directly. */
  first: number;
  last: number;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Bounds of one `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or an error message. */
function pointBounds(text: string): DateBounds | string {
  const [y, m, d] = text.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return { first: y * 10000 + 101, last: y * 10000 + 1231 };
  if (m < 1 || m > 12) return `"${text}" has no month ${m}`;
  if (d === undefined) return { first: y * 10000 + m * 100 + 1, last: y * 10000 + m * 100 + daysInMonth(y, m) };
  if (d < 1 || d > daysInMonth(y, m)) return `"${text}" is not a calendar date`;
  const day = y * 10000 + m * 100 + d;
  return { first: day, last: day };
}

/**
 * Bounds of an ISO date or `START/END` interval already matching the schema's pattern,
 * or an error message (impossible date, or an interval that ends before it starts).
 */
export function dateBounds(iso: string): DateBounds | string {
  const [startText, endText] = iso.split('/') as [string, string?];
  const start = pointBounds(startText);
  if (typeof start === 'string') return start;
  if (endText === undefined) return start;
  const end = pointBounds(endText);
  if (typeof end === 'string') return end;
  if (start.first > end.last) return `interval "${iso}" starts after it ends`;
  return { first: start.first, last: end.last };
}

// ---------------------------------------------------------------------------------
// Alias folding

/**
 * The key under which two surface forms count as the same: case, diacritics and the
 * hyphen/dash/space distinction fold away, as they do in the matcher (engine/normalize),
 * so the validator rejects exactly the collisions the matcher could not tell apart.
 */
export function foldAlias(form: string): string {
  return form
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\s\u2010-\u2015-]+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------
// Parsing

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Parses JSON, turning a syntax error into a problem that names the line. */
function parseJson(raw: RawFile, problems: Problem[]): unknown {
  try {
    return JSON.parse(raw.text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 reports "... (line L column C)" or "... at position N"; end-of-input has neither.
    const lineMatch = /line (\d+)/.exec(message);
    const posMatch = /position (\d+)/.exec(message);
    const line = lineMatch
      ? Number(lineMatch[1])
      : posMatch
        ? lineAt(raw.text, Number(posMatch[1]))
        : lineAt(raw.text, raw.text.length);
    problems.push({ file: raw.file, path: `line ${line}`, message: `invalid JSON: ${message}` });
    return undefined;
  }
}

/** `entities[3].facts[0].date` from a zod issue path under a top-level list name. */
function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out;
}

function zodProblems(file: string, root: string, error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue) => {
    // Strict objects report all unknown keys in one issue; name each where it sits.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        path: formatPath(root, [...issue.path, key]),
        message: `unknown field "${key}"`,
      }));
    }
    return [{ file, path: formatPath(root, issue.path), message: issue.message }];
  });
}

/** Validates a file holding a list, element by element, so one bad entry hides nothing. */
function parseList<T>(
  raw: RawFile,
  root: string,
  schema: z.ZodType<T>,
  problems: Problem[],
): { items: { index: number; value: T }[]; rawIds: string[] } {
  const items: { index: number; value: T }[] = [];
  const rawIds: string[] = [];
  const data = parseJson(raw, problems);
  if (data === undefined) return { items, rawIds };
  if (!Array.isArray(data)) {
    problems.push({ file: raw.file, path: WHOLE_FILE, message: `expected a list of ${root}` });
    return { items, rawIds };
  }
  data.forEach((element: unknown, index) => {
    // Ids of entries that fail the schema still count as existing, so a typo in one
    // entity does not also report every reference to it as dangling.
    const id = (element as { id?: unknown } | null)?.id;
    if (typeof id === 'string') rawIds.push(id);
    const result = schema.safeParse(element);
    if (result.success) items.push({ index, value: result.data });
    else problems.push(...zodProblems(raw.file, formatPath(root, [index]), result.error));
  });
  return { items, rawIds };
}

// ---------------------------------------------------------------------------------
// The whole corpus

export function validate(input: CorpusInput): ValidationResult {
  const problems: Problem[] = [];
  const report = (file: string, path: string, message: string) => problems.push({ file, path, message });
  const checkDate = (file: string, path: string, iso: string | undefined) => {
    if (iso === undefined) return;
    const bounds = dateBounds(iso);
    if (typeof bounds === 'string') report(file, path, bounds);
  };

  // Sources.
  const sourceFile = input.sources.file;
  const parsedSources = parseList(input.sources, 'sources', SourceSchema, problems);
  const sources: Source[] = [];
  const sourceIds = new Set<string>(parsedSources.rawIds);
  const seenSources = new Set<string>();
  for (const { index, value } of parsedSources.items) {
    const at = `sources[${index}]`;
    if (seenSources.has(value.id)) report(sourceFile, `${at}.id`, `duplicate source id "${value.id}"`);
    seenSources.add(value.id);
    checkDate(sourceFile, `${at}.published`, value.published);
    sources.push(value);
  }

  // Entities: parse every file first, so cross-references can point across files.
  const entities: LocatedEntity[] = [];
  const entityIds = new Set<string>();
  for (const raw of input.entities) {
    const parsed = parseList(raw, 'entities', EntitySchema, problems);
    for (const id of parsed.rawIds) entityIds.add(id);
    for (const { index, value } of parsed.items) entities.push({ file: raw.file, index, entity: value });
  }
  const kindOf = new Map(entities.map(({ entity }) => [entity.id, entity.kind]));

  const firstSeen = new Map<string, string>();
  for (const { file, index, entity } of entities) {
    const at = `entities[${index}]`;
    const where = `${file} ${at}`;
    const previous = firstSeen.get(entity.id);
    if (previous) report(file, `${at}.id`, `duplicate entity id "${entity.id}" (also at ${previous})`);
    else firstSeen.set(entity.id, where);

    const checkSources = (path: string, ids: string[]) =>
      ids.forEach((id, k) => {
        if (!sourceIds.has(id)) report(file, `${path}.sources[${k}]`, `unknown source "${id}"`);
      });
    const checkTarget = (path: string, id: string) => {
      if (!entityIds.has(id)) report(file, path, `unknown entity "${id}"`);
    };

    if (entity.role.includes('\n')) report(file, `${at}.role`, 'the role must be one line');

    entity.facts.forEach((fact, k) => {
      const path = `${at}.facts[${k}]`;
      checkDate(file, `${path}.date`, fact.date);
      checkSources(path, fact.sources);
      if (fact.sources.length === 0 && !fact.background) {
        report(file, path, 'a fact cites at least one source or is marked "background": true');
      }
      // Background means "not in the articles": citing an article as well would be false.
      if (fact.background && fact.sources.length > 0) {
        report(file, `${path}.sources`, 'a background fact cites no sources');
      }
    });

    entity.related.forEach((relation, k) => {
      const path = `${at}.related[${k}]`;
      checkTarget(`${path}.target`, relation.target);
      if (relation.target === entity.id) report(file, `${path}.target`, 'an entity cannot relate to itself');
      checkDate(file, `${path}.date`, relation.date);
      checkSources(path, relation.sources);
    });

    if (entity.kind === 'event' && !entity.event) {
      report(file, at, 'an event needs an "event" block (start, sources)');
    }
    if (entity.kind !== 'event' && entity.event) {
      report(file, `${at}.event`, `only events carry an "event" block, not a ${entity.kind}`);
    }
    if (entity.event) {
      const ev = entity.event;
      const path = `${at}.event`;
      const start = dateBounds(ev.start);
      const end = ev.end === undefined ? undefined : dateBounds(ev.end);
      checkDate(file, `${path}.start`, ev.start);
      checkDate(file, `${path}.end`, ev.end);
      if (typeof start === 'object' && typeof end === 'object' && start.first > end.last) {
        report(file, `${path}.end`, `the event ends (${ev.end}) before it starts (${ev.start})`);
      }
      ev.participants.forEach((id, k) => checkTarget(`${path}.participants[${k}]`, id));
      if (ev.place !== undefined) {
        checkTarget(`${path}.place`, ev.place);
        const kind = kindOf.get(ev.place);
        if (kind !== undefined && kind !== 'place') {
          report(file, `${path}.place`, `"${ev.place}" is a ${kind}, not a place`);
        }
      }
      checkSources(path, ev.sources);
    }
  }

  checkAliases(entities, report);
  return { problems, sources, entities };
}

/**
 * Surface forms: within an entity no form is listed twice or both plain and ambiguous;
 * across entities a form may be shared only if every entity marks it ambiguous, and a
 * form may never be another entity's canonical name (the name always links on sight).
 */
function checkAliases(
  entities: LocatedEntity[],
  report: (file: string, path: string, message: string) => void,
): void {
  interface Claim {
    id: string;
    ambiguous: boolean;
    isName: boolean;
  }
  const claims = new Map<string, Claim[]>();

  for (const { file, index, entity } of entities) {
    const at = `entities[${index}]`;
    const forms: { path: string; form: string; ambiguous: boolean; isName: boolean }[] = [
      { path: `${at}.name`, form: entity.name, ambiguous: false, isName: true },
      ...entity.aliases.map((form, k) => ({ path: `${at}.aliases[${k}]`, form, ambiguous: false, isName: false })),
      ...entity.ambiguous.map((form, k) => ({ path: `${at}.ambiguous[${k}]`, form, ambiguous: true, isName: false })),
    ];
    // Exact repeats (ignoring case) are slips; spelling variants that only differ in
    // diacritics or dashes are kept on purpose, as search and export show them.
    const exact = new Map<string, boolean>();
    const folded = new Map<string, boolean>();
    for (const { path, form, ambiguous, isName } of forms) {
      if (!isName && !/\p{Lu}|\d/u.test(form) && !/\s|-/.test(form)) {
        report(file, path, `"${form}" is a single lower-case word; it would match ordinary text`);
      }
      const lower = form.toLowerCase();
      if (exact.has(lower)) report(file, path, `"${form}" is listed twice`);
      exact.set(lower, ambiguous);
      const key = foldAlias(form);
      const before = folded.get(key);
      if (before !== undefined && before !== ambiguous) {
        report(file, path, `"${form}" is listed both as an alias and as ambiguous`);
      }
      folded.set(key, ambiguous);

      const others = (claims.get(key) ?? []).filter((c) => c.id !== entity.id);
      for (const other of others) {
        if (other.isName) report(file, path, `"${form}" is the name of entity "${other.id}"`);
        else if (isName) report(file, path, `the name "${form}" is also an alias of entity "${other.id}"`);
        else if (!ambiguous || !other.ambiguous) {
          report(file, path, `"${form}" is also claimed by entity "${other.id}"; shared forms must be ambiguous on both`);
        }
      }
      claims.set(key, [...(claims.get(key) ?? []), { id: entity.id, ambiguous, isName }]);
    }
  }
}

/** One line of a problem report: `data/entities/people.json: entities[3].facts[0].date: ...`. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.path}: ${problem.message}`;
}
