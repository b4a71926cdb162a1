/**
 * A deterministic synthetic corpus for benchmarks and scale tests: N entities with
 * realistic multi-word names (transliterated given names and surnames, organisations
 * with acronyms, operations, places) and about five aliases each, plus news-like text
 * that mentions some of them. Same seed, same corpus, on every machine.
 */
import type { EntityKind, MatcherSource } from '../engine/types';

/** Small fast PRNG (mulberry32): deterministic across platforms. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = [
  'b',
  'ch',
  'd',
  'f',
  'gh',
  'h',
  'j',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'p',
  'q',
  'r',
  's',
  'sh',
  't',
  'v',
  'z',
  'zh',
  'y',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'aa', 'ee', 'ou', 'ai'];
const CODAS = ['', '', 'n', 'r', 'd', 'm', 'l', 'z', 'sh', 'b'];
const TITLES = ['President', 'General', 'Minister', 'Senator', 'Dr', 'Sheikh', 'Commander'];
const ORG_NOUNS = ['Front', 'Council', 'Movement', 'Party', 'Brigade', 'Authority', 'Alliance', 'Corps'];
const ORG_ADJECTIVES = ['National', 'Islamic', 'Popular', 'United', 'Democratic', 'Revolutionary', 'Federal', 'Free'];
const EVENT_HEADS = ['Operation', 'Battle of', 'Siege of', 'Treaty of', 'Accord of'];

const FILLER = (
  'the government said on tuesday that talks would continue despite objections from the opposition and ' +
  'officials in the capital described the meeting as constructive while analysts warned of further delays ' +
  'as protesters gathered outside parliament and police closed several roads leading to the city centre'
).split(' ');

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function word(rand: () => number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += pick(rand, ONSETS) + pick(rand, VOWELS);
  return capitalise(w + pick(rand, CODAS));
}

/** A plausible alternative transliteration ("Qaani" / "Ghaani", "ee" / "i"). */
function respell(name: string): string {
  const swapped = name.replace(/Q/g, 'Gh').replace(/ee/g, 'i').replace(/ou/g, 'u').replace(/aa/g, 'a');
  return swapped === name ? name.replace(/a/, 'e') : swapped;
}

export interface SyntheticOptions {
  entities: number;
  /** Aliases per entity, on average (default 5). */
  aliasesPerEntity?: number;
  seed?: number;
}

/** N entities, deterministic for a seed; ids are `syn-<index>`. */
export function syntheticCorpus(options: SyntheticOptions): MatcherSource[] {
  const rand = seededRandom(options.seed ?? 1);
  const perEntity = options.aliasesPerEntity ?? 5;
  const out: MatcherSource[] = [];
  const used = new Set<string>();
  for (let k = 0; k < options.entities; k++) {
    const roll = rand();
    const kind: EntityKind = roll < 0.55 ? 'person' : roll < 0.75 ? 'organisation' : roll < 0.88 ? 'event' : 'place';
    let name = '';
    const aliases: string[] = [];
    const ambiguous: string[] = [];
    for (let attempt = 0; attempt < 20 && (name === '' || used.has(name)); attempt++) {
      if (kind === 'person') {
        name = `${word(rand, 2)} ${word(rand, 1 + Math.floor(rand() * 3))}`;
      } else if (kind === 'organisation') {
        name = `${pick(rand, ORG_ADJECTIVES)} ${word(rand, 2)} ${pick(rand, ORG_NOUNS)}`;
      } else if (kind === 'event') {
        name = `${pick(rand, EVENT_HEADS)} ${word(rand, 2 + Math.floor(rand() * 2))}`;
      } else {
        name = `${word(rand, 2)} ${pick(rand, ['Valley', 'Province', 'Strait', 'District', 'Border'])}`;
      }
    }
    used.add(name);
    const parts = name.split(' ');
    const last = parts[parts.length - 1]!;
    const candidates: string[] = [];
    if (kind === 'person') {
      candidates.push(respell(name), `${pick(rand, TITLES)} ${last}`, `${pick(rand, TITLES)} ${name}`);
      candidates.push(`${parts[0]} ${word(rand, 1)} ${last}`, `${parts[0]![0]}. ${last}`);
      candidates.push(`Mr ${last}`, `${pick(rand, TITLES)} ${respell(name)}`, respell(last), `${last}'s government`);
      if (rand() < 0.5) ambiguous.push(last);
      else candidates.push(last);
    } else if (kind === 'organisation') {
      candidates.push(parts.map((p) => p[0]).join(''), respell(name), `${parts[1]} ${parts[2]}`, `The ${name}`);
      candidates.push(`${word(rand, 2)}-e-${parts[1]}`, `${parts[1]} ${parts[2]} fighters`, `${parts[1]}-${parts[2]}`);
      candidates.push(`${parts[0]} ${parts[1]}`, `${parts[1]} militants`);
    } else if (kind === 'event') {
      candidates.push(respell(name), `Op ${last}`, `${last} ${pick(rand, ['offensive', 'crisis', 'talks'])}`);
      candidates.push(`${name} of ${1950 + Math.floor(rand() * 75)}`, `${last} war`, `${last}-${word(rand, 1)} talks`);
      candidates.push(`${last} crisis`, `${last} accord`);
      ambiguous.push(last);
    } else {
      candidates.push(parts[0]!, respell(parts[0]!), `${parts[0]} region`, `${parts[0]}-${word(rand, 2)}`);
      candidates.push(
        `${parts[0]} ${parts[1]!.toLowerCase()}`,
        `${parts[0]} area`,
        `${parts[0]} border`,
        `${parts[0]} town`,
      );
    }
    for (const c of candidates) if (aliases.length < perEntity - ambiguous.length && c !== name) aliases.push(c);
    out.push({ id: `syn-${k}`, name, kind, aliases, ambiguous });
  }
  return out;
}

/**
 * About `length` characters of news-like prose that mentions entities of `corpus`
 * (one mention every `every` words on average) in their listed surface forms.
 */
export function syntheticText(corpus: readonly MatcherSource[], length: number, seed = 7, every = 12): string {
  const rand = seededRandom(seed);
  const parts: string[] = [];
  let size = 0;
  let sentence = 0;
  while (size < length) {
    let w: string;
    if (rand() < 1 / every && corpus.length > 0) {
      const e = pick(rand, corpus);
      w = rand() < 0.6 ? e.name : pick(rand, e.aliases.length > 0 ? e.aliases : [e.name]);
      if (rand() < 0.1) w += "'s";
    } else {
      w = pick(rand, FILLER);
      if (sentence === 0) w = capitalise(w);
    }
    sentence++;
    if (sentence > 8 + rand() * 12) {
      w += rand() < 0.1 ? '.\n\n' : '.';
      sentence = 0;
    }
    parts.push(w);
    size += w.length + 1;
  }
  return parts.join(' ');
}
