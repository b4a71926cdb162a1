/**
 * The matcher table: the alias automaton compiled at build time and shipped to the
 * content script as plain JSON, so page load only decodes arrays (see `automaton.ts`).
 *
 * The automaton is an Aho–Corasick machine over *folded* text (see `normalize.ts`)
 * whose matches may start only at word starts: a state is a folded alias prefix, and
 * its failure link points to the longest proper suffix that begins after a non-word
 * character. Restricting suffixes to word starts keeps the failure links short (most
 * point to the root, which compresses to almost nothing) and means a scan never
 * reports a match that begins inside a word (Dar in "Sardar").
 */
import { inferCasePolicy } from './case-policy';
import { charClass, CharClass, codesToString, HARD_BREAK, normalizeText, SPACE } from './normalize';
import {
  ENTRY_AMBIGUOUS,
  ENTRY_CUE,
  ENTRY_SURNAME,
  FAIL_CONTINUE,
  OTHER_NAME,
  FAIL_EXPLICIT,
  FAIL_ROOT,
  SHAPE_BASE,
  corpusKey,
  encodeKinds,
  type MatcherTable,
  type PhraseRule,
} from './table-format';
import { foldForSearch, foldSpelling } from './search-key';
import type { MatcherSource } from './types';
import { foldRegionalScripts } from './regional-script';

// Text here is read with the regional scripts' folds (engine/regional-script.ts).
foldRegionalScripts();

export * from './table-format';

interface CompiledAlias {
  norm: string;
  entity: number;
  flags: number;
  policy: string;
}

/**
 * Surface variants the corpus need not spell out: "Gen. Asim Munir" also as "Gen Asim
 * Munir", "The Resistance Front" also as "Resistance Front".
 */
function variants(alias: string): string[] {
  const out = [alias];
  // "The Resistance Front" mid-sentence reads "the Resistance Front": match the name
  // without its article rather than relax the article's case.
  // Only for names of two capitalised words or more: "The Hindu" is not "Hindu".
  const article = /^the\s+(?=\p{Lu})/iu.exec(alias);
  const rest = article ? alias.slice(article[0].length) : '';
  if ((rest.match(/(?:^|\s)\p{Lu}/gu)?.length ?? 0) >= 2) out.push(rest);
  if (alias.includes('.')) {
    const dotless = alias.replace(/\.(?=\s|$)/g, '').replace(/\.(?=\p{L})/gu, '');
    if (dotless !== alias && /\p{L}/u.test(dotless)) out.push(dotless);
  }
  return out;
}

/**
 * Generic nouns that end an organisation's name and that writers often lower-case after
 * the words that make it unique: "the Pakistani army", "the Qods force".
 */
const HEAD_NOUNS = new Set([
  'army',
  'navy',
  'force',
  'forces',
  'guard',
  'guards',
  'corps',
  'council',
  'front',
  'police',
]);

/**
 * The case policy of an organisation's alias, with a capitalised generic head noun at its
 * end relaxed to any case after a capitalised word ("Pakistani Army" also as "the
 * Pakistani army"). Followed by a title ("Pakistan army chief") such a form is part of
 * the title (`isTitleOfOrganisation`).
 */
function organisationPolicy(alias: string, policy: string): string {
  const tokens = policy.split(' ');
  const words = alias.toLowerCase().match(/\p{L}+/gu) ?? [];
  const n = tokens.length;
  if (n < 2 || words.length !== n || tokens[n - 1] !== 'C' || tokens[n - 2] !== 'C') return policy;
  if (!HEAD_NOUNS.has(words[n - 1]!)) return policy;
  tokens[n - 1] = '*';
  return tokens.join(' ');
}

/** Trims characters an alias cannot usefully start with (quotes, spaces). */
function trimStart(norm: string): string {
  let i = 0;
  while (i < norm.length && charClass(norm.charCodeAt(i)) !== CharClass.Word) i++;
  return norm.slice(i);
}

function collect(sources: MatcherSource[]): CompiledAlias[] {
  const out: CompiledAlias[] = [];
  sources.forEach((source, entity) => {
    const seen = new Set<string>();
    const shared = new Set(source.namesakes?.flatMap((n) => n.names.map(normalizeText)));
    /** `only`: ENTRY_CUE for a cue, OTHER_NAME for a longer name of something else. */
    const add = (form: string, ambiguous: boolean, only = 0) => {
      for (const v of variants(form)) {
        const norm = trimStart(normalizeText(v));
        if (norm.length === 0 || norm.includes(String.fromCharCode(HARD_BREAK))) continue;
        const inferred = inferCasePolicy(v);
        const policy = source.kind === 'organisation' ? organisationPolicy(v, inferred) : inferred;
        const key = `${norm}\u0000${policy}\u0000${only}`;
        if (seen.has(key)) continue;
        seen.add(key);
        let flags = only > 0 ? only : ambiguous ? ENTRY_AMBIGUOUS : 0;
        const oneWord = !norm.includes(String.fromCharCode(SPACE));
        const surname = oneWord && source.kind === 'person' && (policy === 'C' || policy === '*');
        // A name a namesake shares links like a surname: on sight, unless a cue is nearer.
        if (flags === 0 && (surname || shared.has(norm))) flags = ENTRY_SURNAME;
        out.push({ norm, entity: only < 0 ? OTHER_NAME : entity, flags, policy });
      }
    };
    // Ambiguous forms first, so an alias that repeats one does not make it unambiguous.
    for (const form of source.ambiguous) add(form, true);
    add(source.name, false);
    for (const form of source.aliases) add(form, false);
    for (const form of source.longerNames ?? []) add(form, false, OTHER_NAME);
    for (const form of source.namesakes?.flatMap((n) => n.cues) ?? []) add(form, false, ENTRY_CUE);
  });
  return out;
}

interface BuildNode {
  children: Map<number, BuildNode>;
  id: number;
  label: number;
  parent: BuildNode | null;
  fail: BuildNode | null;
}

const newNode = (label: number, parent: BuildNode | null): BuildNode => ({
  children: new Map(),
  id: -1,
  label,
  parent,
  fail: null,
});

/** Compiles corpus aliases into the table the content script loads. Deterministic. */
export function compileMatcherTable(sources: MatcherSource[]): MatcherTable {
  const aliases = collect(sources);

  // 1. Trie over folded aliases.
  const root = newNode(0, null);
  const terminal: BuildNode[] = [];
  for (const a of aliases) {
    let node = root;
    for (let i = 0; i < a.norm.length; i++) {
      const c = a.norm.charCodeAt(i);
      let next = node.children.get(c);
      if (!next) node.children.set(c, (next = newNode(c, node)));
      node = next;
    }
    terminal.push(node);
  }

  // 2. Depth-first preorder numbering, siblings by code so runtime lookups can bisect.
  const order: BuildNode[] = [];
  const stack: BuildNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    node.id = order.length;
    order.push(node);
    const codes = [...node.children.keys()].sort((x, y) => y - x);
    for (const c of codes) stack.push(node.children.get(c)!);
  }

  // 3. Failure links restricted to word-start suffixes, computed breadth-first. For
  // t = s·c the candidates are v·c for word-start suffixes v of s, plus "c" alone
  // when s ends in a non-word character (then c starts a word).
  root.fail = root;
  const queue: BuildNode[] = [...root.children.values()];
  for (const t of queue) t.fail = root;
  for (let k = 0; k < queue.length; k++) {
    const s = queue[k]!;
    for (const t of s.children.values()) {
      queue.push(t);
      let f = s.fail!;
      let target: BuildNode = root;
      for (;;) {
        const next = f.children.get(t.label);
        if (next && (f !== root || charClass(s.label) !== CharClass.Word)) {
          target = next;
          break;
        }
        if (f === root) break;
        f = f.fail!;
      }
      t.fail = target;
    }
  }
  const failTo: number[] = [];
  const fail = order.map((t): number => {
    if (t === root || t.fail === root) return FAIL_ROOT;
    if (t.parent!.fail!.children.get(t.label) === t.fail) return FAIL_CONTINUE;
    failTo.push(t.fail!.id);
    return FAIL_EXPLICIT;
  });

  // 4. Entries sorted by state, policies interned.
  const policyIndex = new Map<string, number>();
  const policies: string[] = [];
  const records = aliases.map((a, k) => {
    let p = policyIndex.get(a.policy);
    if (p === undefined) {
      p = policies.length;
      policies.push(a.policy);
      policyIndex.set(a.policy, p);
    }
    return { state: terminal[k]!.id, entity: a.entity, flags: a.flags, policy: p, norm: a.norm };
  });
  records.sort((x, y) => x.state - y.state || x.entity - y.entity || x.policy - y.policy);
  const entries = [
    ...records.map((r, k) => r.state - (k > 0 ? records[k - 1]!.state : 0)),
    ...records.map((r) => r.entity),
    ...records.map((r) => r.flags + 4 * r.policy),
  ];

  // 5. Aliases ending in another entity's contextual form (word-aligned suffix).
  const contextualEntities = new Map<string, Set<number>>();
  for (const r of records) {
    if (r.flags !== ENTRY_AMBIGUOUS && r.flags !== ENTRY_SURNAME) continue;
    let set = contextualEntities.get(r.norm);
    if (!set) contextualEntities.set(r.norm, (set = new Set()));
    set.add(r.entity);
  }
  const stateOfNorm = new Map(records.map((r) => [r.norm, r.state] as const));
  const sharers: number[] = [];
  records.forEach((r, k) => {
    if (r.flags !== 0 && r.flags !== ENTRY_SURNAME) return;
    if (r.entity === OTHER_NAME) return;
    // Only another person competes for a surname: "killing of Qasem Soleimani" names him.
    if (sources[r.entity]!.kind !== 'person') return;
    for (let i = r.norm.indexOf(' '); i >= 0; i = r.norm.indexOf(' ', i + 1)) {
      const suffix = r.norm.slice(i + 1);
      const owners = contextualEntities.get(suffix);
      if (owners && !owners.has(r.entity)) sharers.push(k, stateOfNorm.get(suffix)!);
    }
  });

  // Namesakes: the entities whose mention beside a cue shows the page means this one.
  const indexOf = new Map(sources.map((src, k) => [src.id, k] as const));
  const coherent: number[] = [];
  sources.forEach((src, k) => {
    if (!src.namesakes?.length) return;
    const ids = new Set([k]);
    for (const id of src.related ?? []) if (indexOf.has(id)) ids.add(indexOf.get(id)!);
    sources.forEach((other, j) => {
      if (other.related?.includes(src.id)) ids.add(j);
    });
    coherent.push(k, ids.size, ...[...ids].sort((x, y) => x - y));
  });

  const group = (forms: string[]) =>
    forms.map((f) => (f.startsWith('@') && indexOf.has(f.slice(1)) ? `@${indexOf.get(f.slice(1))}` : f)).join('|');
  const phrases = sources.flatMap((src, e) =>
    (src.describedAs ?? []).map((d): PhraseRule => {
      const rule: PhraseRule = { e, t: d.triggers.join(' ').toLowerCase(), w: d.with.map(group) };
      if (d.onPage?.length) rule.p = d.onPage.map(group);
      if (d.unless?.length) rule.u = d.unless.join('|');
      if (src.years) rule.y = src.years;
      return rule;
    }),
  );

  return {
    format: 4,
    corpus: corpusKey(sources.map((s) => s.id)),
    kinds: encodeKinds(sources.map((s) => s.kind)),
    labels: codesToString(order.slice(1).map((node) => node.label)),
    shape: codesToString(order.map((node, s) => SHAPE_BASE + 3 * node.children.size + fail[s]!)),
    failTo,
    entries,
    policies,
    sharers,
    coherent,
    phrases,
    variants: variantKeys(sources),
  };
}

/**
 * The search keys under which other spellings of people's names are found
 * (spelling-variants.ts): each full name or alias all in capitalised words, and
 * one-word names whose key has at least VARIANT_MIN_KEY letters. A key that two
 * people's names share, or that an ambiguous form folds to, is left out.
 */
function variantKeys(sources: MatcherSource[]): [string, number][] {
  // An entry [spelling, -1] is a form the matcher knows as written: it decided about it already.
  const known = new Set(sources.flatMap((src) => [src.name, ...src.aliases, ...src.ambiguous].map(foldSpelling)));
  const owner = new Map<string, number>();
  const refused = new Set<string>();
  sources.forEach((src, entity) => {
    for (const form of src.ambiguous) refused.add(foldForSearch(form));
    if (src.kind !== 'person') return;
    const shared = new Set(src.namesakes?.flatMap((n) => n.names));
    for (const form of [src.name, ...src.aliases]) {
      if (shared.has(form) || !/^\p{Lu}\p{L}*(?:[ -]\p{Lu}\p{L}*)*$/u.test(form)) continue;
      const key = foldForSearch(form);
      if (!key.includes(' ') && key.length < VARIANT_MIN_KEY) continue;
      if (owner.has(key) && owner.get(key) !== entity) refused.add(key);
      owner.set(key, entity);
    }
  });
  const keys = [...owner].filter(([key]) => !refused.has(key));
  return [...keys, ...[...known].map((k): [string, number] => [k, -1])].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Shorter one-word keys meet too many other names and words ("Dar", "Khan", "Munir"). */
const VARIANT_MIN_KEY = 7;
