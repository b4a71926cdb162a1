/**
 * The toolbar popup. `?q=<text>` starts with a search (a card's "Search" button opens
 * the popup this way); `?tab=<id>` reads that tab instead of the active one (the popup
 * opened as a window or a page, and the browser tests).
 */
import { render } from 'preact';
import records from '../../generated/records.json';
import type { CorpusRecords } from '../../engine/types';
import { PopupApp } from '../../components/popup/PopupApp';
import { extensionEnv } from '../../components/popup/popup-env';
import '../../components/theme.css';

const params = new URLSearchParams(location.search);
const tab = Number.parseInt(params.get('tab') ?? '', 10);

render(
  <PopupApp
    records={records as CorpusRecords}
    env={extensionEnv}
    initialQuery={params.get('q') ?? ''}
    {...(Number.isInteger(tab) && tab >= 0 ? { pinnedTab: tab } : {})}
  />,
  document.getElementById('app')!,
);
