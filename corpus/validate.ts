/**
 * Validates the corpus as written in `data/`: JSON syntax, the zod schema, and the
 * cross-file checks a schema cannot express (ids that must resolve, calendar dates,
 * aliases two entities would both claim). It works on file contents rather than on
 * the file system so tests can feed it small bad corpora, and it never stops at the
 * first problem: every problem is collected, so one build run shows all of them.
 */
import type { z } from 'zod';
import { parseDate, pointKey, readDate } from '../engine/dates';
import { normalizeText } from '../engine/normalize';
import type { NativeLanguage, NativeNames, Source } from '../engine/types';
import { runEditorialChecks } from './checks';
import { EntitySchema, IsoDate, NativeNamesFileSchema, SourceSchema, type Entity } from './schema';
import { foldRegionalScripts } from '../engine/regional-script';

// Text here is read with the regional scripts' folds (engine/regional-script.ts).
foldRegionalScripts();

/** One thing wrong with the corpus. `file` is relative to the project root. */
export interface Problem {
  file: string;
  /** Where in the file: `entities[3].facts[0].date`, or `(file)` for the whole file. */
  path: string;
  message: string;
  /** The editorial check (corpus/checks/) that found it; absent for structural problems. */
  check?: string;
}

export interface RawFile {
  /** Path relative to the project root, used in problem reports. */
  file: string;
  text: string;
}

export interface CorpusInput {
  sources: RawFile;
  entities: RawFile[];
  /** data/native-names.json, when the corpus has one. */
  native?: RawFile;
}

/** Entity id → language → its names in that language's script. */
export type NativeNameMap = Record<string, Partial<Record<NativeLanguage, NativeNames>>>;

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
  native: NativeNameMap;
}

const WHOLE_FILE = '(file)';

// ---------------------------------------------------------------------------------
// Alias folding

/**
 * The key under which two surface forms count as the same: the matcher's own fold
 * (engine/normalize: case, diacritics and the hyphen/dash/space distinction fold away,
 * punctuation and apostrophes stay), so the validator rejects exactly the collisions
 * the matcher could not tell apart. Not the search key: that one also merges
 * romanisations and drops apostrophes (Khamene'i = Khamenei), which the matcher keeps
 * apart.
 */
export function foldAlias(form: string): string {
  return normalizeText(form);
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
): { index: number; raw: unknown; value?: T }[] {
  const data = parseJson(raw, problems);
  if (data === undefined) return [];
  if (!Array.isArray(data)) {
    problems.push({ file: raw.file, path: WHOLE_FILE, message: `expected a list of ${root}` });
    return [];
  }
  return data.map((element: unknown, index) => {
    const result = schema.safeParse(element);
    if (result.success) return { index, raw: element, value: result.data };
    problems.push(...zodProblems(raw.file, formatPath(root, [index]), result.error));
    return { index, raw: element };
  });
}

// Cross-checks read the raw JSON through these guards rather than the schema's output,
// so an entity with a misspelt field or one malformed fact is still checked
// everywhere else, at its original indices. Values of the wrong shape are skipped:
// the schema has already reported them.
const obj = (x: unknown): Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const isoDate = (x: unknown): string | undefined => (IsoDate.safeParse(x).success ? (x as string) : undefined);

// ---------------------------------------------------------------------------------
// The whole corpus

type Report = (file: string, path: string, message: string) => void;

export function validate(input: CorpusInput): ValidationResult {
  const problems: Problem[] = [];
  const report: Report = (file, path, message) => problems.push({ file, path, message });
  const checkDate = (file: string, path: string, value: unknown) => {
    const iso = isoDate(value);
    if (iso === undefined) return;
    const span = readDate(iso);
    if (typeof span === 'string') report(file, path, span);
  };

  // Sources.
  const sourceFile = input.sources.file;
  const sourceItems = parseList(input.sources, 'sources', SourceSchema, problems);
  const sourceIds = new Set<string>();
  for (const { index, raw } of sourceItems) {
    const at = `sources[${index}]`;
    const id = str(obj(raw).id);
    if (id !== undefined && sourceIds.has(id)) report(sourceFile, `${at}.id`, `duplicate source id "${id}"`);
    if (id !== undefined) sourceIds.add(id);
    checkDate(sourceFile, `${at}.published`, obj(raw).published);
  }

  // Entities: parse every file first, so references can point across files.
  const parsed = input.entities.flatMap((raw) =>
    parseList(raw, 'entities', EntitySchema, problems).map((item) => ({ file: raw.file, ...item })),
  );
  const kindOf = new Map<string, string | undefined>();
  for (const { raw } of parsed) {
    const id = str(obj(raw).id);
    if (id !== undefined && !kindOf.has(id)) kindOf.set(id, str(obj(raw).kind));
  }

  const firstSeen = new Map<string, string>();
  for (const { file, index, raw } of parsed) {
    const e = obj(raw);
    const at = `entities[${index}]`;
    const id = str(e.id);
    const kind = str(e.kind);
    if (id !== undefined) {
      const previous = firstSeen.get(id);
      if (previous) report(file, `${at}.id`, `duplicate entity id "${id}" (also at ${previous})`);
      else firstSeen.set(id, `${file} ${at}`);
    }

    const checkSources = (path: string, ids: unknown) =>
      list(ids).forEach((source, k) => {
        const sid = str(source);
        if (sid !== undefined && !sourceIds.has(sid)) report(file, `${path}.sources[${k}]`, `unknown source "${sid}"`);
      });
    const checkTarget = (path: string, target: unknown) => {
      const tid = str(target);
      if (tid !== undefined && !kindOf.has(tid)) report(file, path, `unknown entity "${tid}"`);
    };

    if (str(e.role)?.includes('\n')) report(file, `${at}.role`, 'the role must be one line');

    list(e.facts).forEach((item, k) => {
      const fact = obj(item);
      const path = `${at}.facts[${k}]`;
      const cited = list(fact.sources).length > 0;
      checkDate(file, `${path}.date`, fact.date);
      checkSources(path, fact.sources);
      if (!cited && fact.background !== true) {
        report(file, path, 'a fact cites at least one source or is marked "background": true');
      }
      // Background means "not in the articles": citing an article as well would be false.
      if (cited && fact.background === true) report(file, `${path}.sources`, 'a background fact cites no sources');
    });

    list(e.roles).forEach((item, k) => {
      const role = obj(item);
      const path = `${at}.roles[${k}]`;
      checkDate(file, `${path}.from`, role.from);
      checkDate(file, `${path}.to`, role.to);
      checkSources(path, role.sources);
      const cited = list(role.sources).length > 0;
      if (!cited && role.background !== true) {
        report(file, path, 'a role cites at least one source or is marked "background": true');
      }
      if (cited && role.background === true) report(file, `${path}.sources`, 'a background role cites no sources');
      const from = typeof role.from === 'string' ? parseDate(role.from) : null;
      const to = typeof role.to === 'string' ? parseDate(role.to) : null;
      if (from && to && pointKey(to.start, 'end') < pointKey(from.start, 'start')) {
        report(file, `${path}.to`, 'a role cannot end before it begins');
      }
    });

    list(e.related).forEach((item, k) => {
      const relation = obj(item);
      const path = `${at}.related[${k}]`;
      checkTarget(`${path}.target`, relation.target);
      if (id !== undefined && relation.target === id)
        report(file, `${path}.target`, 'an entity cannot relate to itself');
      checkDate(file, `${path}.date`, relation.date);
      checkSources(path, relation.sources);
    });

    if (e.describedAs !== undefined && !isDescribable(kind)) report(file, `${at}.describedAs`, notDescribable(kind));
    list(e.describedAs).forEach((item, k) => {
      const d = obj(item);
      const path = `${at}.describedAs[${k}]`;
      for (const field of ['with', 'onPage'] as const) {
        list(d[field]).forEach((group, g) =>
          list(group).forEach((word, w) => {
            const form = str(word);
            if (form?.startsWith('@')) checkTarget(`${path}.${field}[${g}][${w}]`, form.slice(1));
          }),
        );
      }
      list(d.triggers).forEach((t, j) => {
        if (typeof t === 'string' && !ONE_WORD.test(t))
          report(file, `${path}.triggers[${j}]`, `a trigger is one word ("${t}")`);
      });
    });

    if (kind === 'event' && e.event === undefined) report(file, at, 'an event needs an "event" block (start, sources)');
    if (kind !== undefined && kind !== 'event' && e.event !== undefined) {
      report(file, `${at}.event`, `only events carry an "event" block, not a ${kind}`);
    }
    if (e.event !== undefined) {
      const ev = obj(e.event);
      const path = `${at}.event`;
      checkDate(file, `${path}.start`, ev.start);
      checkDate(file, `${path}.end`, ev.end);
      const start = isoDate(ev.start);
      const end = isoDate(ev.end);
      const startSpan = start === undefined ? null : parseDate(start);
      const endSpan = end === undefined ? null : parseDate(end);
      if (startSpan && endSpan && pointKey(startSpan.start, 'start') > pointKey(endSpan.end ?? endSpan.start, 'end')) {
        report(file, `${path}.end`, `the event ends (${end}) before it starts (${start})`);
      }
      list(ev.participants).forEach((p, k) => checkTarget(`${path}.participants[${k}]`, p));
      checkTarget(`${path}.place`, ev.place);
      const placeKind = kindOf.get(str(ev.place) ?? '');
      if (placeKind !== undefined && placeKind !== 'place') {
        report(file, `${path}.place`, `"${str(ev.place)}" is a ${placeKind}, not a place`);
      }
      checkSources(path, ev.sources);
    }
  }

  checkAliases(parsed, report);
  const sources = sourceItems.flatMap((s) => (s.value ? [s.value] : []));
  const entities = parsed.flatMap(({ file, index, value }) => (value ? [{ file, index, entity: value }] : []));
  problems.push(...runEditorialChecks({ sources, entities }));
  const native = input.native ? validateNative(input.native, kindOf, problems) : {};
  return { problems, sources, entities, native };
}

/** What news describes rather than names (`describedAs`): events, agreements, and places for a frontier. */
const isDescribable = (kind: string | undefined) => kind === 'event' || kind === 'agreement' || kind === 'place';
const notDescribable = (kind: string | undefined) =>
  `only events, agreements and places are described, not a ${String(kind)}`;

/** A trigger: letters (with their marks), digits, hyphens; the Persian half-space joins. */
const ONE_WORD = /^[\p{L}\p{M}\p{N}\u200c-]+$/u;

/** The script each language's press writes in; letters of any other script are a slip. */
const SCRIPT_OF: Record<NativeLanguage, { name: string; letter: RegExp }> = {
  ur: { name: 'Arabic', letter: /[\p{Script=Arabic}\p{Script=Inherited}]/u },
  fa: { name: 'Arabic', letter: /[\p{Script=Arabic}\p{Script=Inherited}]/u },
  hi: { name: 'Devanagari', letter: /[\p{Script=Devanagari}\p{Script=Inherited}]/u },
};

/**
 * data/native-names.json: every id an entity's, every form in its language's script
 * (no Latin letter, no letter of another script), and no form twice for one entity.
 */
function validateNative(raw: RawFile, kindOf: Map<string, string | undefined>, problems: Problem[]): NativeNameMap {
  const data = parseJson(raw, problems);
  if (data === undefined) return {};
  const parsed = NativeNamesFileSchema.safeParse(data);
  if (!parsed.success) {
    problems.push(...zodProblems(raw.file, '', parsed.error));
    return {};
  }
  const report = (path: string, message: string) => problems.push({ file: raw.file, path, message });
  for (const [id, languages] of Object.entries(parsed.data)) {
    if (!kindOf.has(id)) report(id, `unknown entity "${id}"`);
    const kind = kindOf.get(id);
    for (const [language, names] of Object.entries(languages) as [NativeLanguage, NativeNames | undefined][]) {
      if (!names) continue;
      const script = SCRIPT_OF[language];
      const at = `${id}.${language}`;
      const inScript = (form: string, path: string) => {
        const stray = [...form].find((c) => /\p{L}|\p{M}/u.test(c) && !script.letter.test(c));
        if (stray !== undefined) report(path, `"${form}" has "${stray}", not ${script.name} script`);
      };
      const seen = new Set<string>();
      for (const form of [...names.names, ...(names.ambiguous ?? []), ...(names.longerNames ?? [])]) {
        inScript(form, at);
        const key = normalizeText(form);
        if (seen.has(key)) report(at, `"${form}" is listed twice`);
        seen.add(key);
      }
      if (names.describedAs && kind !== undefined && !isDescribable(kind))
        report(`${at}.describedAs`, notDescribable(kind));
      (names.describedAs ?? []).forEach((d, k) => {
        const path = `${at}.describedAs[${k}]`;
        d.triggers.forEach((t, j) => {
          inScript(t, `${path}.triggers[${j}]`);
          if (!ONE_WORD.test(t)) report(`${path}.triggers[${j}]`, `a trigger is one word ("${t}")`);
        });
        for (const [field, groups] of [
          ['with', d.with],
          ['onPage', d.onPage ?? []],
          ['unless', [d.unless ?? []]],
        ] as const) {
          groups.forEach((group, g) =>
            group.forEach((word, w) => {
              const where = `${path}.${field}[${g}][${w}]`;
              if (!word.startsWith('@')) inScript(word, where);
              else if (!kindOf.has(word.slice(1))) report(where, `unknown entity "${word.slice(1)}"`);
            }),
          );
        }
      });
    }
  }
  return parsed.data as NativeNameMap;
}

/**
 * Surface forms: within an entity no form is listed twice or both plain and ambiguous;
 * across entities a form may be shared only if every entity marks it ambiguous, and a
 * form may never be another entity's canonical name (the name always links on sight).
 */
function checkAliases(entities: { file: string; index: number; raw: unknown }[], report: Report): void {
  interface Claim {
    id: string;
    ambiguous: boolean;
    isName: boolean;
  }
  const claims = new Map<string, Claim[]>();

  for (const { file, index, raw } of entities) {
    const entity = obj(raw);
    const id = str(entity.id) ?? `#${index} of ${file}`;
    const at = `entities[${index}]`;
    const forms: { path: string; form: unknown; ambiguous: boolean; isName: boolean }[] = [
      { path: `${at}.name`, form: entity.name, ambiguous: false, isName: true },
      ...list(entity.aliases).map((form, k) => ({
        path: `${at}.aliases[${k}]`,
        form,
        ambiguous: false,
        isName: false,
      })),
      ...list(entity.ambiguous).map((form, k) => ({
        path: `${at}.ambiguous[${k}]`,
        form,
        ambiguous: true,
        isName: false,
      })),
    ];
    // Exact repeats are slips. Variants that differ only in case, diacritics or dashes
    // are deliberate: the matcher infers a case policy from how a form is written
    // ("12-day war" also matches "12-Day War", not the reverse), and search shows them.
    const exact = new Set<string>();
    const folded = new Map<string, boolean>();
    for (const { path, form: value, ambiguous, isName } of forms) {
      const form = str(value)?.trim();
      if (!form) continue;
      if (!isName && !/\p{Lu}|\d/u.test(form) && !/\s|-/.test(form)) {
        report(file, path, `"${form}" is a single lower-case word; it would match ordinary text`);
      }
      if (exact.has(form)) report(file, path, `"${form}" is listed twice`);
      exact.add(form);
      const key = foldAlias(form);
      const before = folded.get(key);
      if (before !== undefined && before !== ambiguous) {
        report(file, path, `"${form}" is listed both as an alias and as ambiguous`);
      }
      folded.set(key, ambiguous);

      const others = (claims.get(key) ?? []).filter((c) => c.id !== id);
      for (const other of others) {
        if (other.isName) report(file, path, `"${form}" is the name of entity "${other.id}"`);
        else if (isName) report(file, path, `the name "${form}" is also an alias of entity "${other.id}"`);
        else if (!ambiguous || !other.ambiguous) {
          report(
            file,
            path,
            `"${form}" is also claimed by entity "${other.id}"; shared forms must be ambiguous on both`,
          );
        }
      }
      claims.set(key, [...(claims.get(key) ?? []), { id, ambiguous, isName }]);
    }
  }
}

/** One line of a problem report: `data/entities/people.json: entities[3].facts[0].date: ...`. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.path}: ${problem.message}`;
}
