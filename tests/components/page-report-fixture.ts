/** Page reports as a content script sends them, made from the digest a test means. */
import { corpusKey } from '../../engine/table-format';
import type { PageDigest, PageReport } from '../../adapters/extension/page-report';

/** The report for `digest` against `entities`; an id not among them gets an index past the end. */
export function reportOf(digest: PageDigest, entities: readonly { id: string }[]): PageReport {
  const ids = entities.map((e) => e.id);
  const pairs = (list: PageDigest['entities']) =>
    list.flatMap((e, k) => {
      const i = ids.indexOf(e.id);
      return [i >= 0 ? i : ids.length + k, e.count];
    });
  const counts = pairs(digest.entities);
  const report: PageReport = {
    url: digest.url,
    host: digest.host,
    active: digest.active,
    corpus: corpusKey(ids),
    counts,
  };
  if (digest.date) report.date = digest.date;
  if (digest.elsewhere) report.elsewhere = pairs(digest.elsewhere);
  return report;
}
