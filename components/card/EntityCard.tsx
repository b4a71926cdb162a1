/**
 * The backstory card of one entity. The same component renders in the hover card (in a
 * shadow root on a news page) and in the popup, so everything it shows is plain text
 * from the view model: Preact escapes text, and nothing here sets HTML.
 */
import { useState } from 'preact/hooks';
import type { Correction } from '../../adapters/page/card-ui-contract';
import type { Doubt } from '../../engine/doubt';
import type { EntityView, FactView, SourceRef } from '../../engine/entity-view';
import { splitLead } from '../../engine/summary-lead';
import { KIND_LABEL, RELATION_LABEL, STRINGS } from '../strings';

/** Facts shown before "more": enough for the gist, short enough to read while hovering. */
const FACTS_SHOWN = 3;

export interface EntityCardProps {
  view: EntityView;
  onOpenEntity(id: string): void;
  onShowTimeline(id: string): void;
  onSearch(query: string): void;
  /** Name of the card to go back to, when the reader came here through a connection. */
  backTo?: string;
  onBack?(): void;
  /** Prefix for element ids, unique per card on the page. */
  idPrefix?: string;
  /** "Not this one" and "Mute": on the hover card opened on a mention. */
  correction?: Correction;
}

export function EntityCard({
  view,
  onOpenEntity,
  onShowTimeline,
  onSearch,
  backTo,
  onBack,
  idPrefix = 'bs',
  correction,
}: EntityCardProps) {
  const [allFacts, setAllFacts] = useState(false);
  const [wholeSummary, setWholeSummary] = useState(false);
  const facts = allFacts ? view.facts : view.facts.slice(0, FACTS_SHOWN);
  const hidden = view.facts.length - FACTS_SHOWN;
  const titleId = `${idPrefix}-title`;
  const { lead, rest } = splitLead(view.summary);
  const article = view.article;

  return (
    <article class="bs-card" aria-labelledby={titleId} data-entity={view.id}>
      <header class="bs-head">
        {backTo && onBack && (
          <button type="button" class="bs-back" onClick={onBack} aria-label={STRINGS.card.backTo(backTo)}>
            <span aria-hidden="true">←</span> {backTo}
          </button>
        )}
        <div class="bs-title">
          <span class={`bs-kind bs-kind--${view.kind}`}>{KIND_LABEL[view.kind]}</span>
          <h2 id={titleId} class="bs-name">
            {view.name}
          </h2>
        </div>
        {view.native && (
          <p class="bs-native" aria-label={STRINGS.card.nativeNames}>
            {view.native.map((n) => (
              <span
                key={n.text}
                class="bs-native-name"
                lang={n.languages[0]}
                dir={n.languages[0] === 'hi' ? 'ltr' : 'rtl'}
                title={n.languages.map((l) => STRINGS.languages[l]).join(', ')}
              >
                {n.text}
              </span>
            ))}
          </p>
        )}
        <p class="bs-role">
          {article?.dateLabel && article.nowRole ? STRINGS.card.roleThen(view.role, article.dateLabel) : view.role}
        </p>
        {article?.nowRole && <p class="bs-role bs-role--now">{STRINGS.card.roleNow(article.nowRole)}</p>}
        {view.doubt && <DoubtLine doubt={view.doubt} name={view.name} onOpenEntity={onOpenEntity} />}
      </header>

      <p class="bs-summary">
        {lead}
        {rest && wholeSummary && ` ${rest}`}
        {rest && (
          <>
            {' '}
            <button
              type="button"
              class="bs-link bs-summary-more"
              aria-expanded={wholeSummary}
              onClick={() => setWholeSummary(!wholeSummary)}
            >
              {wholeSummary ? STRINGS.card.summaryLess : STRINGS.card.summaryMore}
            </button>
          </>
        )}
      </p>

      {view.event && (
        <dl class="bs-event">
          <dt>{STRINGS.card.when}</dt>
          <dd>{view.event.dateLabel}</dd>
          {view.event.place && (
            <>
              <dt>{STRINGS.card.where}</dt>
              <dd>
                <button type="button" class="bs-link" onClick={() => onOpenEntity(view.event!.place!.id)}>
                  {view.event.place.name}
                </button>
              </dd>
            </>
          )}
        </dl>
      )}

      {facts.length > 0 && (
        <section class="bs-section" aria-labelledby={`${idPrefix}-facts`}>
          <h3 id={`${idPrefix}-facts`}>{STRINGS.card.keyFacts}</h3>
          <ol class="bs-facts">
            {facts.map((fact, i) => (
              <Fact key={`${fact.date}-${i}`} fact={fact} onOpenEntity={onOpenEntity} />
            ))}
          </ol>
          {hidden > 0 && (
            <button type="button" class="bs-more" aria-expanded={allFacts} onClick={() => setAllFacts(!allFacts)}>
              {allFacts ? STRINGS.card.less : STRINGS.card.more(hidden)}
            </button>
          )}
        </section>
      )}

      {article && article.since.length > 0 && (
        <details class="bs-section bs-fold bs-since">
          <summary>{STRINGS.card.since(article.dateLabel ?? '', article.since.length)}</summary>
          <ol class="bs-facts">
            {article.since.map((fact, i) => (
              <Fact key={`${fact.date}-${i}`} fact={fact} onOpenEntity={onOpenEntity} />
            ))}
          </ol>
        </details>
      )}

      {view.related.length > 0 && (
        <details class="bs-section bs-fold bs-connections">
          <summary>{STRINGS.card.relatedCount(view.related.length, onPageCount(view))}</summary>
          <ul class="bs-related">
            {view.related.map((r) => (
              <li key={`${r.id}-${r.type}-${r.direction}`}>
                <span class="bs-rel">{RELATION_LABEL[r.type][r.direction]}</span>{' '}
                <button type="button" class={`bs-chip bs-chip--${r.kind}`} onClick={() => onOpenEntity(r.id)}>
                  {r.name}
                </button>
                {r.onPage && <span class="bs-on-page">{STRINGS.card.onThisPage}</span>}
                {r.dateLabel && (
                  <span class="bs-rel-date">
                    {' '}
                    · {r.dateLabel}
                    {r.dateSource === 'background' && (
                      <>
                        {' '}
                        <DateFromRecord />
                      </>
                    )}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}

      <footer class="bs-actions">
        <button type="button" class="bs-action" onClick={() => onShowTimeline(view.id)}>
          {STRINGS.card.showOnTimeline}
        </button>
        <button type="button" class="bs-action" onClick={() => onSearch(view.name)}>
          {STRINGS.card.search}
        </button>
      </footer>
      {correction && (
        <details class="bs-section bs-fold bs-correct">
          <summary>{STRINGS.card.wrongOne}</summary>
          <div class="bs-correct-actions">
            <button type="button" class="bs-action" onClick={correction.unlink}>
              {STRINGS.card.notThisOne}
            </button>
            <button type="button" class="bs-action" onClick={() => correction.mute(false)}>
              {STRINGS.card.muteOn(correction.form, correction.host)}
            </button>
            <button type="button" class="bs-action" onClick={() => correction.mute(true)}>
              {STRINGS.card.muteEverywhere(correction.form)}
            </button>
          </div>
        </details>
      )}
    </article>
  );
}

/** "“Khan” is read as Imran Khan from the page; it could also be Khurram Khan, or Imran Khan, the actor." */
function DoubtLine({ doubt, name, onOpenEntity }: { doubt: Doubt; name: string; onOpenEntity(id: string): void }) {
  const S = STRINGS.card;
  const alternatives = doubt.others.length + doubt.namesakes.length > 0;
  return (
    <p class="bs-doubt" role="note">
      {doubt.fromContext ? S.doubtRead(doubt.form, name, alternatives) : S.doubtSame(doubt.form)}
      {doubt.others.map((o, i) => (
        <span key={o.id}>
          {i > 0 ? ', ' : ' '}
          <button type="button" class="bs-link" onClick={() => onOpenEntity(o.id)}>
            {o.name}
          </button>
        </span>
      ))}
      {doubt.namesakes.map((who, i) => (
        <span key={who}>{`${doubt.others.length || i > 0 ? ` ${S.doubtOr} ` : ' '}${who}`}</span>
      ))}
      {alternatives && '.'}
    </p>
  );
}

function onPageCount(view: EntityView): number {
  return view.related.filter((r) => r.onPage).length;
}

function Fact({ fact, onOpenEntity }: { fact: FactView; onOpenEntity(id: string): void }) {
  return (
    <li class={fact.claim ? `bs-fact bs-fact--${fact.claim}` : 'bs-fact'}>
      <span class="bs-fact-head">
        <time class="bs-date" dateTime={fact.date}>
          {fact.dateLabel}
        </time>
        <span class="bs-fact-text">
          {fact.attribution && <span class="bs-attribution">{STRINGS.card.according(fact.attribution)}: </span>}
          {fact.text}
        </span>
      </span>
      <span class="bs-cite">
        {fact.claim === 'opinion' && (
          <span class="bs-badge" title={STRINGS.card.opinionTitle}>
            {STRINGS.card.opinion}
          </span>
        )}
        {fact.claim === 'contested' && (
          <span class="bs-badge" title={STRINGS.card.contestedTitle}>
            {STRINGS.card.contested}
          </span>
        )}
        {fact.background && (
          <span class="bs-background" title={STRINGS.card.backgroundTitle}>
            {STRINGS.card.background}
          </span>
        )}
        {fact.sources.map((s) => (
          <Citation key={s.id} source={s} />
        ))}
        {fact.dateSource === 'background' && <DateFromRecord />}
        {fact.about && (
          <span class="bs-about">
            {STRINGS.card.about}{' '}
            <button
              type="button"
              class="bs-link"
              aria-label={STRINGS.card.aboutLabel(fact.about.name)}
              onClick={() => onOpenEntity(fact.about!.id)}
            >
              {fact.about.name}
            </button>
          </span>
        )}
      </span>
    </li>
  );
}

/** The claim is the article's, the day is not: said beside the citation, not hidden in a title. */
function DateFromRecord() {
  return (
    <span class="bs-date-source" title={STRINGS.card.dateFromRecordTitle}>
      {STRINGS.card.dateFromRecord}
    </span>
  );
}

function Citation({ source }: { source: SourceRef }) {
  const title = source.author ? `${source.title} — ${source.author}` : source.title;
  return (
    <cite class="bs-source" title={title}>
      {STRINGS.card.sourceLine(source.outlet, source.publishedLabel)}
    </cite>
  );
}
