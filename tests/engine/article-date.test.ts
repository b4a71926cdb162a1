/**
 * The article's publication date, read from the markup of real news pages.
 *
 * tests/fixtures/article-dates.json holds, for 27 pages of the Mozilla Readability
 * project's test set (test/test-pages/NAME/source.html), only the tags that bear on a
 * date — meta tags, JSON-LD reduced to its types and dates, `<time>` elements and
 * dateline blocks, with their values as published — beside the date as the page shows
 * it to a reader (`shown`, checked by reading each page) and the date expected.
 */
import { describe, expect, it } from 'vitest';
import pages from '../fixtures/article-dates.json';
import { collectArticleSignals } from '../../adapters/page/article-signals';
import { findArticleDate, parsePublishedDate, type ArticleDateSignals } from '../../engine/article-date';

function dateOf(markup: string, location = 'about:blank') {
  const doc = document.implementation.createHTMLDocument('page');
  doc.body.innerHTML = markup;
  return findArticleDate(collectArticleSignals(doc, location));
}

const none: ArticleDateSignals = { metas: [], jsonLd: [], times: [], urls: [], datelines: [] };

describe('article date on real news markup', () => {
  it('covers at least twenty pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
  });

  it.each(pages)('$page ($outlet, shown as "$shown") → $expected', ({ markup, expected }) => {
    expect(dateOf(markup)?.iso).toBe(expected);
  });
});

describe('order of trust', () => {
  it('prefers JSON-LD datePublished to an Open Graph tag holding the modification time', () => {
    const page = pages.find((p) => p.page === 'schema-org-context-object')!;
    expect(dateOf(page.markup)).toEqual({ iso: '2024-12-06', from: 'json-ld' });
  });

  it('takes the article item of a JSON-LD @graph, not the page or a nested video', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', datePublished: '2019-01-01T00:00:00Z' },
        {
          '@type': ['NewsArticle'],
          datePublished: '2020-01-13T09:30:00+05:00',
          video: { '@type': 'VideoObject', datePublished: '2018-05-05' },
        },
      ],
    };
    expect(findArticleDate({ ...none, jsonLd: [JSON.stringify(graph)] })).toEqual({
      iso: '2020-01-13',
      from: 'json-ld',
    });
  });

  it('reads JSON-LD arrays and CDATA-wrapped blocks, and skips broken ones', () => {
    const jsonLd = ['{ not json', '//<![CDATA[\n[{"@type":"Article","datePublished":"2025-08-05"}]\n//]]>'];
    expect(findArticleDate({ ...none, jsonLd })?.iso).toBe('2025-08-05');
  });

  it('never uses a modification time', () => {
    const markup =
      '<meta property="article:modified_time" content="2020-02-02"><meta property="og:updated_time" content="2020-02-02">' +
      '<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2020-02-02"}</script>' +
      '<article><time datetime="2020-02-02" itemprop="dateModified">2 February 2020</time></article>';
    expect(dateOf(markup)).toBeNull();
  });

  it("prefers an article's microdata date to a video's", () => {
    const markup =
      '<div itemscope itemtype="https://schema.org/VideoObject"><meta itemprop="datePublished" content="2015-03-12T13:11:07Z"></div>' +
      '<div itemscope itemtype="https://schema.org/Article"><meta itemprop="datePublished" content="2015-03-11T19:46:14Z"></div>';
    expect(dateOf(markup)?.iso).toBe('2015-03-11');
  });

  it('keeps the calendar date the publisher wrote, in its own offset', () => {
    expect(parsePublishedDate('2016-12-01T23:29:49-08:00')).toBe('2016-12-01');
    expect(parsePublishedDate('2020-01-13T00:30:00+05:00')).toBe('2020-01-13');
  });

  it('reads the date from the URL path, at the precision it has', () => {
    expect(findArticleDate({ ...none, urls: ['https://www.dawn.com/news/2025/05/11/ceasefire'] })).toEqual({
      iso: '2025-05-11',
      from: 'url',
    });
    expect(findArticleDate({ ...none, urls: ['https://example.com/20200113/story'] })?.iso).toBe('2020-01-13');
    expect(findArticleDate({ ...none, urls: ['https://blog.example.com/2016/05/post.html'] })?.iso).toBe('2016-05');
    expect(findArticleDate({ ...none, urls: ['https://example.com/news/1234567/story'] })).toBeNull();
    expect(findArticleDate({ ...none, urls: ['not a url'] })).toBeNull();
  });

  it('reads a dateline', () => {
    expect(findArticleDate({ ...none, datelines: ['By Staff Reporter | Published January 13, 2020'] })).toEqual({
      iso: '2020-01-13',
      from: 'dateline',
    });
  });

  it('never guesses from a date in the body', () => {
    const markup =
      '<article><h1>Talks resume</h1><p>The ceasefire of 10 May 2025 held, officials said on January 13, 2020.</p>' +
      '<p>Meeting set for 2025-06-01.</p></article>';
    expect(dateOf(markup)).toBeNull();
  });
});

describe('parsePublishedDate', () => {
  it.each([
    ['2015-07-10 09:53:00 -0400', '2015-07-10'],
    ['2017-11-03 03:01:00.000000', '2017-11-03'],
    ['20170113', '2017-01-13'],
    ['20170113000004', '2017-01-13'],
    ['05/29/2007 09:49:00', '2007-05-29'],
    ['Fri Mar 13 21:30:09 EST 2015', '2015-03-13'],
    ['Jan. 13, 2017', '2017-01-13'],
    ['Sept. 25, 2018', '2018-09-25'],
    ['13 January 2020', '2020-01-13'],
  ])('%s → %s', (raw, iso) => {
    expect(parsePublishedDate(raw)).toBe(iso);
  });

  it.each(['2025-02-30', '2025-13-01', 'yesterday', '', '1850-01-01', 'March 2020', '12:55 AM'])(
    'refuses %j',
    (raw) => {
      expect(parsePublishedDate(raw)).toBeNull();
    },
  );
});
