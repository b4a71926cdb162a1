/**
 * The card UI bundle: installs the card host, and what the content script does only on
 * request (page-navigation.ts), where the content script can find them.
 */
import { pageCardActions } from '../../adapters/page/card-actions';
import { CardHost } from './card-host';
import { CARD_UI_GLOBAL, type CardUi } from '../../adapters/page/card-ui-contract';
import { answer, pageRefOf, step } from '../../adapters/page/page-navigation';

const cardUi: CardUi = {
  createHost: (page, hooks) =>
    new CardHost(
      page.doc,
      pageCardActions(
        () => pageRefOf(page),
        (range) => page.unlink(range),
      ),
      hooks,
    ),
  step,
  answer,
};

export function installCardUi(): void {
  (globalThis as Record<string, unknown>)[CARD_UI_GLOBAL] = cardUi;
}
