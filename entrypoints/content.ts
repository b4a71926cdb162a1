import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageReader } from '../adapters/page/page-reader';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Same-origin iframes (live blogs, embedded explainers) carry news text too.
  allFrames: true,
  // After the DOM is parsed, so the first screenful can be read at once.
  runAt: 'document_end',
  main(ctx) {
    startPageReader(ctx);
  },
});
