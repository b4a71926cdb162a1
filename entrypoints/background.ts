import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../adapters/extension/background-service';

export default defineBackground(() => {
  startBackground();
});
