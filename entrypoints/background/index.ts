import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Handlers are wired in later modules.
});
