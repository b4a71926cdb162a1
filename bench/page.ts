/**
 * The benchmark page: a long, deterministic news-like article. Sections with headings,
 * paragraphs of sentences that mix corpus names (names, aliases and ambiguous short
 * forms, some split across inline tags: "<a>Asim</a> Munir"), names Backstory does not
 * know (from the synthetic corpus), capitalised filler (days, cities, ministries),
 * links, emphasis, quotes, figures with captions, lists and asides; a nav and footer.
 *
 * `generateArticle({ targetChars })` stops once the text reaches `targetChars`
 * characters, so a smaller page is exactly a prefix of the larger one's article (the
 * mark.js slices are prefixes of the 1 MB page).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { CorpusRecords } from '../engine/types';
import { pick, rng, unknownNames } from './synthetic';

/** The page's size in characters of text: 1 MB, which the per-MB figures divide by. */
export const BENCH_TEXT_CHARS = 1_000_000;
/** Names the corpus does not know, written among its own. */
export const UNKNOWN_NAMES = 400;

/** Every surface form of the corpus: what the page writes and what mark.js is asked to mark. */
export function corpusForms(records: CorpusRecords): string[] {
  return [...new Set(records.entities.flatMap((e) => [e.name, ...e.aliases, ...e.ambiguous]))];
}

/** The benchmark's 1 MB page, as `npm run bench` and `npm run bench:compare` scan it (another size: `chars`). */
export function benchArticle(records: CorpusRecords, chars = BENCH_TEXT_CHARS): GeneratedArticle {
  return generateArticle({ known: corpusForms(records), unknown: unknownNames(UNKNOWN_NAMES) }, { targetChars: chars });
}

/**
 * A page of real news text: the English pages of the detection dev set
 * (tests/fixtures/devset, in our own words, every name as the outlet printed it), one
 * paragraph each, in file order, until the text reaches `chars`. Its paragraphs describe
 * more events than the generated page's, and 40,000 characters make a long article.
 * Returns the page and the length of its text.
 */
export function devsetArticle(chars: number): { html: string; textChars: number } {
  const dir = 'tests/fixtures/devset';
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraphs: string[] = [];
  let length = 0;
  for (const file of readdirSync(dir).sort()) {
    // The Urdu, Persian and Hindi pages are read with another table.
    if (/^(ur|fa|hi)-/.test(file)) continue;
    for (const page of JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as { text: string }[]) {
      if (length >= chars) break;
      paragraphs.push(`<p>${escape(page.text)}</p>`);
      length += page.text.length;
    }
  }
  return {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title></head><body><article>${paragraphs.join('\n')}</article></body></html>`,
    textChars: length,
  };
}

export interface ArticleNames {
  /** Forms the bundled corpus knows (names, aliases, ambiguous forms). */
  known: readonly string[];
  /** Names it does not know (synthetic entities), as a news page names many people. */
  unknown: readonly string[];
}

export interface GeneratedArticle {
  html: string;
  /** Characters of text in the article's text nodes (what a reader reads). */
  textChars: number;
  /** Corpus forms written into the text. */
  knownMentions: number;
}

const FILLER = (
  'the officials said on that it would be a matter of weeks before talks resumed while analysts in the region ' +
  'warned about rising costs and a growing sense that the government had few options left after months of ' +
  'negotiations which had produced little more than statements of intent and promises to meet again soon ' +
  'several people familiar with the discussions described the mood as cautious but not hopeless noting that ' +
  'both sides had kept channels open through intermediaries and that economic pressure was mounting across ' +
  'the border where traders reported delays of up to three days for trucks carrying food and fuel'
).split(' ');
const CAPITALISED = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'January',
  'March',
  'October',
  'Washington',
  'Brussels',
  'Geneva',
  'Karachi',
  'Lahore',
  'Beijing',
  'Moscow',
  'London',
  'Reuters',
  'AFP',
  'Ministry of Finance',
  'Foreign Office',
  'State Department',
  'Parliament',
  'Senate',
  'Supreme Court',
  'European Union',
  'United Nations',
  'World Bank',
  'IMF',
  'NATO',
  'BBC',
  'Al Jazeera',
  'The Guardian',
];
const VERBS = ['said', 'told reporters', 'warned', 'argued', 'denied', 'confirmed', 'suggested', 'insisted', 'wrote'];
const SECTION_TITLES = [
  'What happened',
  'The background',
  'How the region reacted',
  'What comes next',
  'Economic fallout',
  'The diplomacy',
  'Voices from the border',
  'A timeline of the crisis',
  'Analysis',
  'The view from the capital',
];

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function generateArticle(
  names: ArticleNames,
  options: { targetChars: number; seed?: number },
): GeneratedArticle {
  const r = rng(options.seed ?? 2025);
  let textChars = 0;
  let knownMentions = 0;
  const out: string[] = [];
  const text = (s: string) => {
    textChars += s.length;
    return escapeHtml(s);
  };

  /** A corpus form, sometimes inside a link or emphasis, sometimes split across tags. */
  const known = (): string => {
    knownMentions++;
    const form = pick(r, names.known);
    const roll = r();
    if (roll < 0.15) return `<a href="#e${Math.floor(r() * 1000)}">${text(form)}</a>`;
    if (roll < 0.22) return `<strong>${text(form)}</strong>`;
    const space = form.indexOf(' ');
    if (roll < 0.27 && space > 0) return `<a href="#p">${text(form.slice(0, space))}</a>${text(form.slice(space))}`;
    if (roll < 0.3 && space > 0) return `<em>${text(form.slice(0, space))}</em>${text(form.slice(space))}`;
    return text(form);
  };
  const unknown = (): string =>
    r() < 0.2 ? `<a href="#u">${text(pick(r, names.unknown))}</a>` : text(pick(r, names.unknown));
  const filler = (n: number): string => {
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(r() < 0.08 ? pick(r, CAPITALISED) : pick(r, FILLER));
    return text(words.join(' '));
  };

  const sentence = (): string => {
    const roll = r();
    let s: string;
    if (roll < 0.3) s = `${known()}${text(' ' + pick(r, VERBS) + ' ')}${filler(8 + Math.floor(r() * 10))}`;
    else if (roll < 0.5)
      s = `${text(cap(pick(r, FILLER)) + ' ')}${filler(6 + Math.floor(r() * 8))}${text(', according to ')}${unknown()}`;
    else if (roll < 0.65)
      s = `${text('In talks with ')}${unknown()}${text(', ')}${known()}${text(' ')}${filler(10 + Math.floor(r() * 8))}`;
    else if (roll < 0.75)
      s = `${text('“')}${text(cap(pick(r, FILLER)) + ' ')}${filler(8)}${text(',” ')}${unknown()}${text(' ' + pick(r, VERBS))}`;
    else s = `${text(cap(pick(r, FILLER)) + ' ')}${filler(12 + Math.floor(r() * 14))}`;
    return s + text(r() < 0.1 ? '? ' : '. ');
  };
  const paragraph = (): string => {
    const n = 3 + Math.floor(r() * 5);
    let p = '';
    for (let i = 0; i < n; i++) p += sentence();
    return `<p>${p}</p>\n`;
  };

  out.push(
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Backstory benchmark article</title>',
    '<style>body{font:17px/1.6 Georgia,serif;max-width:46rem;margin:0 auto;padding:1rem 2rem;color:#222}' +
      'nav ul{display:flex;gap:1rem;list-style:none;padding:0}aside{border-left:3px solid #ccc;padding-left:1rem;color:#555}' +
      'figure{margin:1.5rem 0}figcaption{font-size:.9em;color:#666}.byline{color:#666}</style>',
    // Long tasks are collected from the start, so the benchmark can read those of any window.
    '<script>window.__longtasks=[];try{new PerformanceObserver(function(l){for(const e of l.getEntries())' +
      'window.__longtasks.push({start:e.startTime,duration:e.duration})}).observe({type:"longtask",buffered:true})}catch(e){}</script>',
    '</head>\n<body>\n<header><nav><ul>',
  );
  for (const item of ['World', 'Asia', 'Middle East', 'Business', 'Opinion', 'Video'])
    out.push(`<li><a href="#">${text(item)}</a></li>`);
  out.push('</ul></nav></header>\n<main><article>\n');
  out.push(
    `<h1>${text('Talks, strikes and a fragile truce: ')}${known()}${text(' and the months that changed the region')}</h1>\n`,
  );
  out.push(
    `<p class="byline">${text('By ')}${unknown()}${text(' and ')}${unknown()}${text(' · Updated 12 June 2025')}</p>\n`,
  );

  let section = 0;
  while (textChars < options.targetChars) {
    out.push(`<section><h2>${text(SECTION_TITLES[section++ % SECTION_TITLES.length]!)}</h2>\n`);
    const paragraphs = 4 + Math.floor(r() * 6);
    for (let i = 0; i < paragraphs && textChars < options.targetChars; i++) {
      const roll = r();
      if (roll < 0.06) out.push(`<blockquote><p>${sentence()}</p></blockquote>\n`);
      else if (roll < 0.1)
        out.push(
          `<figure><div class="img" style="height:120px;background:#ddd"></div><figcaption>${sentence()}</figcaption></figure>\n`,
        );
      else if (roll < 0.13) out.push(`<ul><li>${sentence()}</li><li>${sentence()}</li><li>${sentence()}</li></ul>\n`);
      else if (roll < 0.16)
        out.push(`<aside><h3>${text('Read more')}</h3><p><a href="#r">${sentence()}</a></p></aside>\n`);
      else out.push(paragraph());
    }
    out.push('</section>\n');
  }
  out.push('</article></main>\n<footer><p>');
  out.push(text('© 2025 The Benchmark Times. All rights reserved.'));
  out.push('</p></footer>\n</body></html>\n');
  return { html: out.join(''), textChars, knownMentions };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
