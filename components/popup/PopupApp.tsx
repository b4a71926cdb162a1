import { STRINGS } from '../strings';

export function PopupApp() {
  return <main class="popup"><h1>{STRINGS.appName}</h1></main>;
}
