/**
 * The side panel (Chrome's side_panel, Firefox's sidebar_action). `?tab=<id>` pins the
 * tab "This page" follows (tests, and a panel opened for one tab); `?entity=<id>` opens
 * it focused on one entity.
 */
import { render } from 'preact';
import records from '../../generated/records.json';
import type { CorpusRecords } from '../../engine/types';
import { TimelineApp } from '../../components/timeline/TimelineApp';
import '../../components/theme.css';

const params = new URLSearchParams(location.search);
const tab = Number.parseInt(params.get('tab') ?? '', 10);
const entity = params.get('entity');

render(
  <TimelineApp
    records={records as CorpusRecords}
    {...(Number.isInteger(tab) && tab >= 0 ? { pinnedTab: tab } : {})}
    {...(entity ? { initialEntity: entity } : {})}
  />,
  document.getElementById('app')!,
);
