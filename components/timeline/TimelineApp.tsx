import { STRINGS } from '../strings';

export function TimelineApp() {
  return <main class="timeline"><h1>{STRINGS.appName}</h1></main>;
}
