import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installCardUi } from '../components/card-host/card-ui';

// Loaded by the content script on the first hover intent (see adapters/page/card-ui-contract.ts).
export default defineUnlistedScript(() => {
  installCardUi();
});
