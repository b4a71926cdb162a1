/**
 * An entity's names in the region's languages (data/native-names.json, `EntityFields.native`),
 * read the ways the product needs them: every form, for matching and search, and one
 * name per script, for the card.
 */
import { NATIVE_LANGUAGES, type EntityFields, type EventDescription, type NativeLanguage } from './types';

/** Every regional form of an entity, each once (Urdu and Persian share many). */
export function nativeForms(e: Pick<EntityFields, 'native'>): {
  names: string[];
  ambiguous: string[];
  longerNames: string[];
} {
  const names = new Set<string>();
  const ambiguous = new Set<string>();
  const longerNames = new Set<string>();
  for (const l of NATIVE_LANGUAGES) {
    for (const n of e.native?.[l]?.names ?? []) names.add(n);
    for (const n of e.native?.[l]?.ambiguous ?? []) ambiguous.add(n);
    for (const n of e.native?.[l]?.longerNames ?? []) longerNames.add(n);
  }
  return { names: [...names], ambiguous: [...ambiguous].filter((n) => !names.has(n)), longerNames: [...longerNames] };
}

/**
 * The forms a reader may type to find an entity besides its name, in English and in the
 * region's scripts. The popup's search and the timeline's picker both read these, so a
 * query that finds an entity in one finds it in the other (لاریجانی, Khan).
 */
export function searchForms(e: Pick<EntityFields, 'aliases' | 'ambiguous' | 'native'>): string[] {
  const native = nativeForms(e);
  return [...e.aliases, ...e.ambiguous, ...native.names, ...native.ambiguous];
}

/** How the regional press describes the entity, every language's descriptions. */
export function nativeDescriptions(e: Pick<EntityFields, 'native'>): EventDescription[] {
  return NATIVE_LANGUAGES.flatMap((l) => e.native?.[l]?.describedAs ?? []);
}

/**
 * The name a card shows in each language, first the page's own: one line per distinct
 * spelling (Urdu and Persian often print a name the same way), with the languages that use it.
 */
export function nativeDisplay(
  e: Pick<EntityFields, 'native'>,
  first?: NativeLanguage,
): { text: string; languages: NativeLanguage[] }[] {
  const order = first ? [first, ...NATIVE_LANGUAGES.filter((l) => l !== first)] : [...NATIVE_LANGUAGES];
  const lines: { text: string; languages: NativeLanguage[] }[] = [];
  for (const l of order) {
    const text = e.native?.[l]?.names[0];
    if (!text) continue;
    const same = lines.find((line) => line.text === text);
    if (same) same.languages.push(l);
    else lines.push({ text, languages: [l] });
  }
  return lines;
}
