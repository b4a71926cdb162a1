/**
 * 1 MB news pages in Urdu and Hindi for the benchmark, written for it: sentences of
 * ordinary reporting with the corpus's names in those scripts (data/native-names.json,
 * through the records) at about the density of the English benchmark page, plus
 * words that are not names. Deterministic, so runs compare.
 */
import type { CorpusRecords, NativeLanguage } from '../engine/types';
import { pick, rng } from './synthetic';

const SENTENCES: Record<'ur' | 'hi', string[]> = {
  ur: [
    '{n} نے منگل کو حکام سے ملاقات کی اور سرحدی تجارت پر بات کی۔',
    'سرکاری بیان کے مطابق {n} اور {n} کے درمیان گفتگو میں علاقائی سلامتی زیر بحث آئی۔',
    'تجزیہ کاروں کا کہنا ہے کہ حالیہ واقعات کے بعد خطے میں کشیدگی بڑھی، تاہم {n} نے امن پر زور دیا۔',
    'شہر میں موسم خوشگوار رہا اور بازاروں میں معمول کی چہل پہل دیکھی گئی۔',
    'وزارت خارجہ کے ترجمان نے ہفتہ وار بریفنگ میں کہا کہ بات چیت جاری رہے گی۔',
    'ذرائع کے مطابق {n} آئندہ ہفتے دوبارہ دارالحکومت کا دورہ کریں گے۔',
    'کاروباری حلقوں نے نئے معاہدوں کا خیرمقدم کیا اور سرمایہ کاری میں اضافے کی امید ظاہر کی۔',
  ],
  hi: [
    '{n} ने मंगलवार को अधिकारियों से मुलाक़ात की और सीमा व्यापार पर बात की।',
    'सरकारी बयान के अनुसार {n} और {n} के बीच बातचीत में क्षेत्रीय सुरक्षा पर चर्चा हुई।',
    'विश्लेषकों का कहना है कि हाल की घटनाओं के बाद क्षेत्र में तनाव बढ़ा, फिर भी {n} ने शांति पर ज़ोर दिया।',
    'शहर में मौसम सुहावना रहा और बाज़ारों में सामान्य चहल-पहल दिखी।',
    'विदेश मंत्रालय के प्रवक्ता ने साप्ताहिक ब्रीफ़िंग में कहा कि बातचीत जारी रहेगी।',
    'सूत्रों के मुताबिक़ {n} अगले सप्ताह फिर राजधानी का दौरा करेंगे।',
    'व्यापार जगत ने नए समझौतों का स्वागत किया और निवेश बढ़ने की उम्मीद जताई।',
  ],
};

/** A page of about `targetChars` characters of text in `language`, as HTML paragraphs. */
export function regionalPage(
  records: CorpusRecords,
  language: 'ur' | 'hi',
  targetChars: number,
): { html: string; textChars: number; language: NativeLanguage } {
  const names = records.entities.flatMap((e) => e.native?.[language]?.names ?? []);
  if (!names.length) throw new Error(`no ${language} names in the records: build the corpus first`);
  const r = rng(language === 'ur' ? 7 : 11);
  const out: string[] = [];
  let textChars = 0;
  while (textChars < targetChars) {
    const sentences: string[] = [];
    for (let i = 0; i < 6; i++) sentences.push(pick(r, SENTENCES[language]).replace(/\{n\}/g, () => pick(r, names)));
    const text = sentences.join(' ');
    textChars += text.length;
    out.push(`<p>${text}</p>`);
  }
  const dir = language === 'ur' ? 'rtl' : 'ltr';
  return {
    html: `<!doctype html><html lang="${language}" dir="${dir}"><body><article>${out.join('\n')}</article></body></html>`,
    textChars,
    language,
  };
}
