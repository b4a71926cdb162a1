// @vitest-environment node
/**
 * Events named by description (engine/event-phrases.ts), on a small corpus written for
 * the test: a trigger links only with the participants its rule asks for, in one noun
 * phrase, and the names inside keep their own mentions.
 */
import { describe, expect, it } from 'vitest';
import { createNamedDetector, createPageDetector, type PhraseFinder } from '../../../engine/detect';
import { createPhraseFinder } from '../../../engine/event-phrases';
import { compileMatcherTable } from '../../../engine/table';
import type { MatcherSource } from '../../../engine/types';

const IN = ['India', 'Indian'];
const PK = ['Pakistan', 'Pakistani', 'Pak'];
const SOURCES: MatcherSource[] = [
  { id: 'qasem-soleimani', name: 'Qasem Soleimani', kind: 'person', aliases: ['Soleimani'], ambiguous: [] },
  {
    id: 'killing-of-qasem-soleimani',
    name: 'Killing of Qasem Soleimani',
    kind: 'event',
    aliases: [],
    ambiguous: [],
    years: [2020, 2020],
    describedAs: [
      { triggers: ['killing', 'assassination', 'death'], with: [['@qasem-soleimani']] },
      { triggers: ['strike', 'attack'], with: [['@qasem-soleimani'], ['killed']] },
    ],
  },
  {
    id: 'india-pakistan-conflict-2025',
    name: '2025 India–Pakistan conflict',
    kind: 'event',
    aliases: [],
    ambiguous: [],
    years: [2025, 2025],
    describedAs: [
      { triggers: ['war', 'conflict'], with: [IN, PK], unless: ['Kargil'] },
      { triggers: ['war', 'conflict'], with: [['four-day', '4-day']], onPage: [IN, PK] },
    ],
  },
  {
    id: 'operation-midnight-hammer',
    name: 'Operation Midnight Hammer',
    kind: 'event',
    aliases: [],
    ambiguous: [],
    years: [2025, 2025],
    describedAs: [{ triggers: ['strikes'], with: [['Iran', 'Iranian'], ['nuclear']], unless: ['Israeli', 'Israel'] }],
  },
  {
    id: 'iran-pakistan-gas-pipeline',
    name: 'Iran–Pakistan gas pipeline',
    kind: 'agreement',
    aliases: [],
    ambiguous: [],
    describedAs: [{ triggers: ['pipeline', 'project'], with: [['Iran', 'IP'], ['Pakistan', 'IP'], ['gas']] }],
  },
];
const detector = createNamedDetector(
  compileMatcherTable(SOURCES),
  SOURCES.map((s) => s.id),
);

/** "id:surface" for each mention, outer before inner. */
const read = (text: string) =>
  detector.detect(text).map((m) => `${detector.ids[m.entity]}:${text.slice(m.start, m.end)}`);

describe('events described by a phrase', () => {
  it('links a trigger with the participant that makes it unique, the name nested inside', () => {
    expect(read("Protests followed Soleimani's killing.")).toEqual([
      "killing-of-qasem-soleimani:Soleimani's killing",
      'qasem-soleimani:Soleimani',
    ]);
    expect(read('It came a year after the killing of Qasem Soleimani in Baghdad.')).toEqual([
      'killing-of-qasem-soleimani:killing of Qasem Soleimani',
      'qasem-soleimani:Qasem Soleimani',
    ]);
    expect(read('The US drone strike that killed Soleimani shocked the region.')).toEqual([
      'killing-of-qasem-soleimani:US drone strike that killed Soleimani',
      'qasem-soleimani:Soleimani',
    ]);
  });

  it('reads participants on both sides and across hyphens', () => {
    expect(read('Since the four-day war between India and Pakistan, trade is frozen.')).toEqual([
      'india-pakistan-conflict-2025:four-day war between India and Pakistan',
    ]);
    expect(read('The Iran–Pakistan gas line project stalled.')).toEqual([
      'iran-pakistan-gas-pipeline:Iran–Pakistan gas line project',
    ]);
    expect(read("Officials recalled the June strikes on Iran's nuclear facilities.")).toEqual([
      "operation-midnight-hammer:June strikes on Iran's nuclear facilities",
    ]);
  });

  it('links nothing for a trigger alone, a clause between, another year or a word that excludes it', () => {
    expect(read('The war is over and the deal is done.')).toEqual([]);
    expect(read('Soleimani said the killing must stop.')).toEqual(['qasem-soleimani:Soleimani']);
    expect(read('India said the war was over; Pakistan disagreed.')).toEqual([]);
    expect(read('Veterans of the 1971 war between India and Pakistan met.')).toEqual([]);
    expect(read('The Kargil war between India and Pakistan was short.')).toEqual([]);
    expect(read("Israeli strikes on Iran's nuclear facilities followed.")).toEqual([]);
  });

  it('links a cue with participants named elsewhere on the page, when they come later too', () => {
    expect(read('After the four-day conflict, markets recovered.')).toEqual([]);
    const session = detector.session();
    expect(session.add([{ key: 1, text: 'After the four-day conflict, markets recovered.' }]).blocks).toEqual([]);
    const update = session.add([{ key: 2, text: 'India and Pakistan agreed to talk.' }]);
    expect(update.blocks.map((b) => b.key)).toContain(1);
    expect(session.mentions(1)).toEqual([{ entity: 2, start: 10, end: 27 }]);
    // The participant leaves the page: the phrase links nothing again.
    session.remove([2]);
    expect(session.mentions(1)).toEqual([]);
  });

  it('reads a block again for the page only when a condition its triggers ask about turns', () => {
    const sources: MatcherSource[] = [
      ...SOURCES,
      {
        id: 'kabul-talks',
        name: 'Kabul talks',
        kind: 'event',
        aliases: [],
        ambiguous: [],
        describedAs: [{ triggers: ['talks'], with: [['ceasefire']], onPage: [['Kabul']] }],
      },
    ];
    const { phrases, ...pageTable } = compileMatcherTable(sources);
    const finder = createPhraseFinder(phrases ?? []);
    const cue = 'After the four-day conflict, markets recovered.';
    let reads = 0;
    const session = createPageDetector(pageTable).session();
    session.describe({
      read: finder.read,
      find: (text, ...rest) => {
        if (text === cue) reads++;
        return finder.find(text, ...rest);
      },
    });
    session.add([{ key: 1, text: cue }]);
    expect(reads).toBe(1);
    // A group no condition of the block asks about, then one of the two its rule needs.
    session.add([{ key: 2, text: 'Kabul was quiet.' }]);
    session.add([{ key: 3, text: 'India sent envoys.' }]);
    expect(reads).toBe(1);
    expect(session.mentions(1)).toEqual([]);
    // Both there: the condition turns, and turns back when one leaves.
    session.add([{ key: 4, text: 'Pakistan replied.' }]);
    expect(reads).toBe(2);
    expect(session.mentions(1)).toEqual([{ entity: 2, start: 10, end: 27 }]);
    session.remove([4]);
    expect(reads).toBe(3);
    expect(session.mentions(1)).toEqual([]);
    session.add([{ key: 5, text: 'Pakistan replied.' }]);
    expect(reads).toBe(4);
    // The block replaced by one naming the same group: the group left and came back within
    // one report, and the condition has not turned.
    session.add([{ key: 5, text: 'Pakistan replied again.' }]);
    expect(reads).toBe(4);
    expect(session.mentions(1)).toEqual([{ entity: 2, start: 10, end: 27 }]);
  });

  it('reads the page again when the phrases arrive late (the content script loads them on demand)', () => {
    const { phrases, ...pageTable } = compileMatcherTable(SOURCES);
    const session = createPageDetector(pageTable).session();
    session.add([{ key: 1, text: "Protests followed Soleimani's killing." }]);
    expect(session.mentions(1)).toEqual([{ entity: 0, start: 18, end: 27 }]);
    const update = session.describe(createPhraseFinder(phrases ?? []));
    expect(update.blocks.map((b) => b.key)).toEqual([1]);
    expect(session.mentions(1)).toEqual([
      { entity: 1, start: 18, end: 37 },
      { entity: 0, start: 18, end: 27 },
    ]);
  });

  it('reads the blocks of the page again in slices, then finds the phrases of each block with a trigger once', () => {
    const { phrases, ...pageTable } = compileMatcherTable(SOURCES);
    const texts = [
      "Protests followed Soleimani's killing.",
      'Nothing here.',
      "Soleimani's killing was mourned.",
      'Or here.',
    ];
    const blocks = texts.map((text, key) => ({ key, text }));
    const whole = createPageDetector(pageTable).session();
    whole.add(blocks);
    whole.describe(createPhraseFinder(phrases ?? []));
    const sliced = createPageDetector(pageTable).session();
    sliced.add(blocks);
    const finder = createPhraseFinder(phrases ?? []);
    const found: string[] = [];
    const counted: PhraseFinder = {
      read: finder.read,
      find: (text, ...rest) => {
        found.push(text);
        return finder.find(text, ...rest);
      },
    };
    let calls = 0;
    do {
      sliced.describe(counted, 1);
      calls++;
    } while (sliced.describing);
    // Four reads, one a call; the two blocks with a trigger wait for the last, then are
    // found one a call, each once (the page's groups no longer change under them).
    expect(calls).toBe(blocks.length + 1);
    expect(found).toEqual([texts[0], texts[2]]);
    for (const b of blocks) expect(sliced.mentions(b.key)).toEqual(whole.mentions(b.key));
    expect(whole.describing).toBe(false);
  });

  it('keeps no words for a block whose only trigger is inside a name: no later context can link it', () => {
    const sources: MatcherSource[] = [
      { id: 'kargil-war-memorial', name: 'Kargil War Memorial', kind: 'place', aliases: [], ambiguous: [] },
      SOURCES[2]!,
    ];
    const table = compileMatcherTable(sources);
    const finder = createPhraseFinder(table.phrases ?? []);
    const inside = 'The four-day exhibition at the Kargil War Memorial opened.';
    const name = { entity: 0, start: inside.indexOf('Kargil'), end: inside.indexOf(' opened') };
    expect(finder.read(inside, [name], []).words).toBeNull();
    // Outside a name the same words are kept, for the page's context to complete.
    const outside = 'The four-day war ended.';
    expect(finder.read(outside, [], []).words).not.toBeNull();
  });

  it("an event's name that ends in a person's surname does not compete with him for it", () => {
    const sources: MatcherSource[] = [
      SOURCES[0]!,
      { ...SOURCES[1]!, aliases: ['killing of Qasem Soleimani'], describedAs: [] },
    ];
    const d = createNamedDetector(
      compileMatcherTable(sources),
      sources.map((x) => x.id),
    );
    const text = 'They discussed the killing of Qasem Soleimani. Soleimani had led the Quds Force.';
    expect(d.detect(text).map((m) => `${d.ids[m.entity]}:${text.slice(m.start, m.end)}`)).toEqual([
      'killing-of-qasem-soleimani:killing of Qasem Soleimani',
      'qasem-soleimani:Soleimani',
    ]);
  });
});

describe('events described in Urdu, Persian and Hindi', () => {
  const sources: MatcherSource[] = [
    { id: 'pahalgam', name: 'Pahalgam', kind: 'place', aliases: ['پہلگام', 'पहलगाम'], ambiguous: [] },
    {
      id: 'pahalgam-attack',
      name: 'Pahalgam attack',
      kind: 'event',
      aliases: [],
      ambiguous: [],
      years: [2025, 2025],
      describedAs: [
        { triggers: ['حملہ', 'حملے'], with: [['@pahalgam']] },
        { triggers: ['हमला', 'हमले'], with: [['@pahalgam']] },
      ],
    },
    {
      id: 'pezeshkian-visit-to-pakistan',
      name: 'Pezeshkian visit to Pakistan',
      kind: 'event',
      aliases: [],
      ambiguous: [],
      describedAs: [
        {
          triggers: ['سفر'],
          with: [
            ['مسعود پزشکیان', 'رئیس‌جمهوری ایران'],
            ['پاکستان', 'اسلام‌آباد'],
          ],
        },
      ],
    },
  ];
  const d = createNamedDetector(
    compileMatcherTable(sources),
    sources.map((x) => x.id),
  );
  const nativeRead = (text: string) => d.detect(text).map((m) => `${d.ids[m.entity]}:${text.slice(m.start, m.end)}`);

  it('reads a phrase over the postpositions and modifiers of the language, the town nested inside', () => {
    expect(nativeRead('خبر ہے کہ پہلگام میں ہوئے دہشت گردانہ حملے کے بعد بات ہوئی')).toEqual([
      'pahalgam-attack:پہلگام میں ہوئے دہشت گردانہ حملے',
      'pahalgam:پہلگام',
    ]);
    // Devanagari vowel signs are inside their words; the year fits the event.
    expect(nativeRead('भारत ने 22 अप्रैल 2025 को पहलगाम में हुए आतंकी हमले का जवाब दिया')).toEqual([
      'pahalgam-attack:पहलगाम में हुए आतंकी हमले',
      'pahalgam:पहलगाम',
    ]);
  });

  it('keeps quotes and half-spaces inside a phrase, and stops at a word it does not know', () => {
    expect(nativeRead('هم‌زمان با سفر «مسعود پزشکیان» رئیس‌جمهوری ایران به اسلام‌آباد، وزیر آمد')).toEqual([
      'pezeshkian-visit-to-pakistan:سفر «مسعود پزشکیان» رئیس‌جمهوری ایران به اسلام‌آباد',
    ]);
    expect(nativeRead('पहलगाम में पर्यटक लौटे और हमले की खबर पुरानी हुई')).toEqual(['pahalgam:पहलगाम']);
  });
});
