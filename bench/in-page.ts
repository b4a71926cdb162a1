/**
 * Code the benchmark runs in the page's own (main) world, kept as plain JavaScript
 * source so no bundler helper leaks into it. Installed once per page as `window.__bench`.
 */
export const PAGE_HELPERS = String.raw`
(() => {
  if (window.__bench) return;
  const now = () => performance.now();
  window.__bench = {
    /** The bare pass: a TreeWalker over the body's text nodes that reads each node's data. */
    walk() {
      const t0 = now();
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let nodes = 0, chars = 0;
      for (let n = w.nextNode(); n; n = w.nextNode()) { chars += n.data.length; nodes++; }
      return { ms: now() - t0, nodes, chars, elements: document.body.getElementsByTagName('*').length };
    },
    /** The same walk reading every character (the floor for anything that looks at each one). */
    walkChars() {
      const t0 = now();
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let sum = 0;
      for (let n = w.nextNode(); n; n = w.nextNode()) { const d = n.data; for (let i = 0; i < d.length; i++) sum = (sum + d.charCodeAt(i)) | 0; }
      return { ms: now() - t0, sum };
    },
    /** The scanner's User Timing entries (made in the content script's world). */
    scan() {
      const m = performance.getEntriesByName('backstory:scan').at(-1);
      const s = performance.getEntriesByName('backstory:scan-start').at(-1);
      if (!m || !s) return null;
      return { start: s.startTime, wallMs: m.duration, detail: m.detail };
    },
    longtasks(from, to) {
      return (window.__longtasks || []).filter((t) => t.start + t.duration >= from && t.start <= to);
    },
    /** Centres of highlighted mentions inside the viewport, one per distinct text. */
    mentionTargets(max) {
      const out = [];
      const seen = new Set();
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('backstory-') || name === 'backstory-current') continue;
        for (const r of highlight) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const box = range.getClientRects()[0];
          const text = range.toString();
          if (!box || seen.has(text) || box.width < 12) continue;
          if (box.top < 60 || box.bottom > innerHeight - 60) continue;
          seen.add(text);
          out.push({ x: box.left + box.width / 2, y: box.top + box.height / 2, text });
        }
      }
      out.sort((a, b) => a.y - b.y || a.x - b.x);
      return out.slice(0, max);
    },
    /**
     * Card timing, seen from the page: the host's beforetoggle (fired synchronously by
     * showPopover when the hover-intent timer opens the card) to the frame that paints
     * the card's content (its h2 in the shadow root): a requestAnimationFrame after the
     * content appears, then a message posted from it, which runs after that frame.
     */
    card: {
      rec: null,
      install() {
        const host = document.querySelector('backstory-card');
        if (!host || !host.shadowRoot || this.installed) return !!this.installed;
        this.installed = true;
        host.addEventListener('beforetoggle', (e) => {
          if (e.newState === 'open' && this.rec && !this.rec.requested) this.rec.requested = now();
        });
        const shadow = host.shadowRoot;
        new MutationObserver(() => {
          const rec = this.rec;
          if (!rec || !rec.requested) return;
          if (!rec.first) {
            rec.first = now();
            requestAnimationFrame(() => { rec.firstFrame = now(); });
          }
          if (!rec.content && shadow.querySelector('.bs-frame h2')) {
            rec.content = now();
            rec.title = shadow.querySelector('.bs-frame h2').textContent;
            requestAnimationFrame(() => {
              rec.contentFrame = now();
              const ch = new MessageChannel();
              ch.port1.onmessage = () => { rec.painted = now(); };
              ch.port2.postMessage(0);
            });
          }
        }).observe(shadow, { childList: true, subtree: true, characterData: true });
        return true;
      },
      arm() { this.rec = {}; },
      read() { return this.rec; },
      isOpen() {
        const host = document.querySelector('backstory-card');
        return !!host && (host.matches(':popover-open') || host.hasAttribute('data-fallback-open'));
      },
    },
  };
})();
`;

/** mark.js over the page, as its README suggests for whole-word, cross-element marking. */
export function markjsCall(keywords: readonly string[]): string {
  return String.raw`new Promise((done) => {
    const limiters = [',', '.', ';', ':', '!', '?', '"', "'", '(', ')', '[', ']', '“', '”', '‘', '’', '-', '–', '—', '/'];
    const t0 = performance.now();
    new Mark(document.body).mark(${JSON.stringify(keywords)}, {
      accuracy: { value: 'exactly', limiters },
      acrossElements: true,
      separateWordSearch: false,
      diacritics: false,
      done: (marks) => done({ ms: performance.now() - t0, marks }),
    });
  })`;
}
