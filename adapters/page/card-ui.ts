/** The card UI bundle: installs the card host where the content script can find it. */
import { CardHost } from './card-host';
import { CARD_UI_GLOBAL, type CardUi } from './card-ui-contract';

const cardUi: CardUi = {
  createHost: (doc, actions, hooks) => new CardHost(doc, actions, hooks),
};

export function installCardUi(): void {
  (globalThis as Record<string, unknown>)[CARD_UI_GLOBAL] = cardUi;
}
