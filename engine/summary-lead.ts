/**
 * A summary's lead: the sentence that says who or what and why it matters, shown at the
 * top of a card (the rest sits behind "More") and as a timeline entry's text.
 */

/**
 * The first sentence of a summary. A full stop ends a sentence unless it closes an
 * initial ("U.S.", "J. Smith") or a common abbreviation.
 */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  const re = /[.!?](?=["'”’)]?\s+["'“‘(]?[A-Z0-9])/g;
  for (let m = re.exec(trimmed); m; m = re.exec(trimmed)) {
    const before = trimmed.slice(0, m.index + 1);
    if (
      m[0] === '.' &&
      /(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|St|Jr|Sr|No|Vol|Rev|Prof|Gov|Sen|Rep|vs|etc|approx|Inc|Ltd|Co)\.)$/.test(
        before,
      )
    ) {
      continue;
    }
    const close = /^["'”’)]/.exec(trimmed.slice(m.index + 1));
    return before + (close ? close[0] : '');
  }
  return trimmed;
}

export interface Lead {
  lead: string;
  /** The rest of the summary; empty when the summary is one sentence. */
  rest: string;
}

export function splitLead(summary: string): Lead {
  const trimmed = summary.trim();
  const lead = firstSentence(trimmed);
  return { lead, rest: trimmed.slice(lead.length).trim() };
}
