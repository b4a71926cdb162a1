/**
 * Heuristics about the words around a person match, for the open world where pages
 * name people and places the corpus does not know:
 *
 * - a name followed by an institution noun is part of that institution's name
 *   ("Imran Khan Stadium", "Sharif University", "Soleimani Air Base", "Pahlavi dynasty",
 *   "Trump Media"); so is any other entity's ("Balochistan Liberation Army");
 * - a bare surname preceded by a capitalised word that is not a title or a function
 *   word is somebody else's full name ("Sadiq Khan", "Maryam Nawaz Sharif");
 * - a bare short form followed by a capitalised word is a longer proper name
 *   ("Khan Younis", "Sharif Ahmed") unless the line is a title-case headline.
 *
 * These run only on candidate matches, so they may allocate small strings.
 */
import {
  CASE_LOWER,
  CASE_UPPER,
  caseOf as importedCaseOf,
  charClass as importedCharClass,
  CharClass,
} from './normalize';

// Module-local copies: imported bindings can compile to getter calls (CommonJS interop
// in tsx and test runners), and these run for every candidate match.
const caseOf = importedCaseOf;
const charClass = importedCharClass;

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/**
 * Capitalised words that precede or follow a surname without being part of a name:
 * titles and honorifics, function words that start sentences, calendar words, verbs
 * common in headlines, demonyms, and the countries and capitals that kickers and
 * datelines put before a name ("Pakistan Imran Khan said", "TEHRAN Abbas Araghchi").
 */
const NOT_NAME = words(`
  mr mrs ms miss dr prof professor sir dame lord lady madam president presidents vice prime minister ministers premier
  chancellor king queen prince princess crown emir amir sheikh shaikh sultan caliph gen general generals lt lieutenant
  col colonel maj major brig brigadier capt captain adm admiral marshal field air chief commander cmdr sgt sergeant
  justice judge senator sen rep representative congressman congresswoman governor gov mayor ambassador envoy
  secretary spokesman spokeswoman spokesperson speaker chairman chairwoman chair chairperson leader leaders
  ayatollah hojatoleslam hojjatoleslam imam mullah maulana mufti allama pir hazrat quaid begum mian shaheed martyr
  syed sayyid seyyed sayed seyed saint st coas cjcsc dg pm fm cm army military navy naval police foreign defence defense
  mirza malik chaudhry chaudhary raja khawaja khwaja makhdoom sardar nawabzada sahibzada haji hajji hafiz agha aga
  analyst analysts expert experts researcher scholar fellow journalist reporter correspondent editor columnist
  author writer lawyer counsel attorney barrister advocate engr official officials officer diplomat activist cleric
  head director candidate nominee lawmaker legislator mp mna mpa adviser advisor aide aides president-elect
  administration government governments family campaign camp regime presidency doctrine team supporters
  loyalists era years rule tenure policy policies white house
  interior finance deputy former ex late acting caretaker supreme opposition party cabinet federal provincial
  senior top veteran jailed ousted slain assassinated detained exiled incumbent outgoing new elder younger
  embattled imprisoned incarcerated beleaguered defiant skipper founder sahib saheb sahab ji
  mister herr monsieur messrs brother sister uncle aunt father mother son daughter wife husband cousin
  the a an and but or nor so yet for if when where while whereas after before since as although though because
  meanwhile however moreover also then now today yesterday tomorrow tonight earlier later still even only both
  neither either unlike like under over with without against between among amid during from to of on in at by about
  via per once here there this that these those his her their our its my your said says say told tells according
  asked asks did does do has have had is was were are will would could should can may might must not no yes dear
  why how what who whom whose which let thanks unless until upon within across behind beyond despite toward towards
  monday tuesday wednesday thursday friday saturday sunday january february march april june july august september
  october november december
  meets met slams hails praises urges warns backs rejects blames vows accuses hits asks welcomes arrests sentences
  acquits frees releases jails indicts charges questions visits calls summons sacks fires names appoints elects
  defends attacks criticises criticizes condemns denies confirms rules orders bars bans seeks wants wins loses
  leads returns arrives leaves quits resigns joins signs sues back backed
  pakistani pakistanis indian indians iranian iranians afghan afghans american americans british israeli
  israelis saudi emirati qatari turkish chinese russian french german arab arabs muslim muslims shia sunni
  pashtun punjabi sindhi baloch kashmiri western eastern northern southern
  pakistan iran india afghanistan china russia israel iraq syria turkey qatar egypt ukraine
  tehran islamabad karachi lahore peshawar delhi kabul moscow beijing riyadh washington
`);

/** Nouns that make a preceding name part of an institution's name, in any case. */
const INSTITUTION_ANY_CASE = words(`
  stadium stadiums academy university universities airport airbase dynasty dynasties mosque library hospital
  museum foundation institute mausoleum shrine prize prizes auditorium gymnasium polytechnic seminary madrasa
  madrassa madrasah madrassah cantonment
`);

/**
 * Nouns that do so only when capitalised ("Khan Road", but not "Khan's road to power");
 * those above count in any case already.
 */
const INSTITUTION_CAPITALISED = words(`
  road street avenue boulevard highway motorway expressway bridge tower towers hall park square station port line
  base centre center school college campus memorial trust group company corporation industries hotel plaza mall
  market bazaar gate garden gardens colony town complex building chair lecture cup trophy medal award awards
  organization organisation media army front movement party league day
  dam barrage canal tunnel clinic laboratory lab observatory scholarship fund studios studio bank airlines airways
`);

/** Capitalised words that can sit between a name and its institution noun ("Air Base"). */
const INSTITUTION_MODIFIER = words(`
  air international cricket sports sport memorial medical national open naval public central grand teaching
  science sciences technology military peace media trade business engineering football hockey children research
  women girls boys model city liberation pro professional
`);

/** Capitalised words that make a following name part of a place or institution ("Fort Abbas"). */
const INSTITUTION_BEFORE = words('masjid jamia fort camp lake mount bandar port qila darul bank');

interface WordSpan {
  start: number;
  end: number;
}

function isWordClass(cls: number): boolean {
  return cls === CharClass.Word || cls === CharClass.Mark || cls === CharClass.Ignore;
}

/**
 * The word right before `pos`, separated from it by spaces or hyphens on the same
 * line, or null. A line break ends the search: in plain text it usually separates a
 * headline or a paragraph. A possessive ("Pakistan's Khan") is not a name part.
 */
function wordBefore(text: string, pos: number): WordSpan | null {
  let i = pos - 1;
  while (i >= 0) {
    const cls = charClass(text.charCodeAt(i));
    if (cls === CharClass.LineBreak || isDash(text.charCodeAt(i))) return null;
    if (cls !== CharClass.Space && cls !== CharClass.Ignore) break;
    i--;
  }
  if (i === pos - 1 || i < 0) return null;
  const end = i + 1;
  while (i >= 0 && isWordClass(charClass(text.charCodeAt(i)))) i--;
  const start = i + 1;
  if (start === end) return null;
  if (i >= 0 && charClass(text.charCodeAt(i)) === CharClass.Apostrophe) return null;
  return { start, end };
}

/** An en or em dash separates phrases ("Kurdistan Region – Qasem Soleimani"), never name parts. */
const isDash = (c: number): boolean => c === 0x2013 || c === 0x2014;

/** The word right after `pos`, separated by spaces or hyphens on the same line, or null. */
function wordAfter(text: string, pos: number): WordSpan | null {
  let i = pos;
  while (i < text.length) {
    const cls = charClass(text.charCodeAt(i));
    if (cls === CharClass.LineBreak || isDash(text.charCodeAt(i))) return null;
    if (cls !== CharClass.Space && cls !== CharClass.Ignore) break;
    i++;
  }
  if (i === pos || i >= text.length) return null;
  const start = i;
  while (i < text.length && isWordClass(charClass(text.charCodeAt(i)))) i++;
  return i > start ? { start, end: i } : null;
}

const lower = (text: string, w: WordSpan): string => text.slice(w.start, w.end).toLowerCase();

/** Starts with a capital and has lower-case letters: how names look in running text. */
function isCapitalised(text: string, w: WordSpan): boolean {
  if (caseOf(text.charCodeAt(w.start)) !== CASE_UPPER) return false;
  for (let i = w.start + 1; i < w.end; i++) if (caseOf(text.charCodeAt(i)) === CASE_LOWER) return true;
  return false;
}

/**
 * A capitalised word that reads as part of a personal name (not a title or "But").
 * In an all-caps run ("NAWAZ SHARIF RETURNS") capitals say nothing, so there a word
 * of four letters or more that is not a known title or function word counts too.
 */
function isNameWord(text: string, w: WordSpan | null, allCapsRun: boolean): boolean {
  if (w === null || w.end - w.start < 2) return false;
  const shaped = isCapitalised(text, w) || (allCapsRun && w.end - w.start >= 4 && isAllCaps(text, w));
  return shaped && !NOT_NAME.has(lower(text, w));
}

function isAllCapsSpan(text: string, start: number, end: number): boolean {
  return isAllCaps(text, { start, end });
}

/** "Fort Abbas", "Bank Sepah": a place or institution named with the match as its second word. */
export function followsInstitutionWord(text: string, start: number): boolean {
  const before = wordBefore(text, start);
  return before !== null && isCapitalised(text, before) && INSTITUTION_BEFORE.has(lower(text, before));
}

/** "Imran Khan Stadium", "Soleimani Air Base", "Pahlavi dynasty", "Fort Abbas". */
export function isInsideInstitutionName(text: string, start: number, end: number): boolean {
  if (followsInstitutionWord(text, start)) return true;
  const next = wordAfter(text, end);
  if (!next) return false;
  const word = lower(text, next);
  if (INSTITUTION_ANY_CASE.has(word)) return true;
  if (!isCapitalised(text, next) && !isAllCaps(text, next)) return false;
  if (INSTITUTION_CAPITALISED.has(word)) return true;
  if (!INSTITUTION_MODIFIER.has(word)) return false;
  const then = wordAfter(text, next.end);
  if (!then) return false;
  const w2 = lower(text, then);
  return INSTITUTION_ANY_CASE.has(w2) || INSTITUTION_CAPITALISED.has(w2);
}

function isAllCaps(text: string, w: WordSpan): boolean {
  let letters = 0;
  for (let i = w.start; i < w.end; i++) {
    const k = caseOf(text.charCodeAt(i));
    if (k === CASE_LOWER) return false;
    if (k === CASE_UPPER) letters++;
  }
  return letters >= 2;
}

/**
 * "Sadiq Khan", "Maryam Nawaz Sharif": a first name the corpus does not pair with this
 * name. Honorifics and the common first elements of South Asian and Iranian names
 * (Syed, Mian, Muhammad, Seyyed) are titles here: "Mian Muhammad Nawaz Sharif".
 */
export function hasForeignFirstName(text: string, start: number, end: number): boolean {
  // A match led by a title ("Chief of Staff General Bajwa") already says whose name follows.
  let i = start;
  while (i < end && isWordClass(charClass(text.charCodeAt(i)))) i++;
  if (NOT_NAME.has(text.slice(start, i).toLowerCase())) return false;
  return isNameWord(text, wordBefore(text, start), isAllCapsSpan(text, start, end));
}

const TITLE_NOUNS = words('chief chiefs commander spokesman spokesperson');

/**
 * "Pakistan's army chief", "Pakistan army chief": an organisation named with a lower-case
 * generic noun and followed by a title is part of that title, not a mention of it.
 */
export function isTitleOfOrganisation(text: string, start: number, end: number): boolean {
  const next = wordAfter(text, end);
  if (next === null || !TITLE_NOUNS.has(text.slice(next.start, next.end))) return false;
  let i = end;
  while (i > start && isWordClass(charClass(text.charCodeAt(i - 1)))) i--;
  return caseOf(text.charCodeAt(i)) === CASE_LOWER;
}

const GENERATION = words('jr jr. junior sr sr.');

/** "Donald Trump Jr.", "Trump, Jr.": the son, another person. */
export function hasGenerationSuffix(text: string, end: number): boolean {
  let i = end;
  if (text.charCodeAt(i) === 0x2c /* , */) i++;
  const next = wordAfter(text, i);
  return next !== null && isCapitalised(text, next) && GENERATION.has(lower(text, next));
}

/** Lower-case links inside longer names: "Dar es Salaam", "Khan al-Khalili", "Tehreek-e-Insaf". */
const NAME_LINKS = words('es al el ul ud ur e i bin ibn de da di du del van von');

/**
 * "Khan Younis", "Sharif Ahmed": the short form starts a longer proper name — 'name'
 * (so it is another person or place called so), or 'linked' for names joined by a
 * lower-case particle ("Dar es Salaam"), which are places more often than people.
 * Null when the short form stands alone.
 */
export function continuesAsProperName(text: string, start: number, end: number): 'name' | 'linked' | null {
  let next = wordAfter(text, end);
  let linked = false;
  if (next && NAME_LINKS.has(text.slice(next.start, next.end))) {
    next = wordAfter(text, next.end);
    linked = true;
  }
  if (!isNameWord(text, next, isAllCapsSpan(text, start, end)) || isHeadline(text, end)) return null;
  return linked ? 'linked' : 'name';
}

/**
 * Whether the line around `pos` is a title-case headline ("Khan Rallies Supporters
 * In Lahore"), where capitalised neighbours say nothing about names. Only words of
 * four letters or more count: style guides lower-case the short ones.
 */
export function isHeadline(text: string, pos: number): boolean {
  const limit = 160; // headlines are short; longer lines are prose
  let a = pos;
  while (a > 0 && pos - a < limit && charClass(text.charCodeAt(a - 1)) !== CharClass.LineBreak) a--;
  let b = pos;
  while (b < text.length && b - pos < limit && charClass(text.charCodeAt(b)) !== CharClass.LineBreak) b++;
  if ((a > 0 && charClass(text.charCodeAt(a - 1)) !== CharClass.LineBreak) || b - a >= limit) return false;
  // Headlines do not end in a full stop; short sentences full of names do.
  let last = b - 1;
  while (last > a && charClass(text.charCodeAt(last)) === CharClass.Space) last--;
  if (text.charCodeAt(last) === 0x2e /* . */) return false;
  let caps = 0;
  let low = 0;
  let i = a;
  while (i < b) {
    while (i < b && charClass(text.charCodeAt(i)) !== CharClass.Word) i++;
    const s = i;
    while (i < b && isWordClass(charClass(text.charCodeAt(i)))) i++;
    if (i - s < 4) continue;
    const k = caseOf(text.charCodeAt(s));
    if (k === CASE_UPPER) caps++;
    else if (k === CASE_LOWER) low++;
  }
  return caps >= 3 && low * 4 <= caps;
}
