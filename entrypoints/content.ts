import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageReader } from '../adapters/page/page-reader';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Same-origin iframes (live blogs, embedded explainers) carry news text too.
  allFrames: true,
  // ...including frames without a URL of their own (srcdoc, about:blank filled by script),
  // which live blogs and embed widgets use; they run in their parent's origin.
  matchAboutBlank: true,
  // After the DOM is parsed, so the first screenful can be read at once.
  runAt: 'document_end',
  main(ctx) {
    startPageReader(ctx);
  },
});
