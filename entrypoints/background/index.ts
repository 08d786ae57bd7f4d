import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { updateDueBadge } from './badge';
import { handleMessage } from './handlers';
import { registerReaderInjection } from './inject-reader';
import { registerSiteToggle } from './toggle-site';

export default defineBackground(() => {
  registerSiteToggle();
  // The reader is injected by the background into pages of sites where it is on (no content
  // script runs on every page).
  registerReaderInjection();
  // The due count on the toolbar badge, recounted on every worker start.
  void updateDueBadge();
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only our own content scripts and pages can reach this listener (no externally_connectable),
    // but a content script runs inside a hostile page: validation happens in handleMessage.
    if (sender.id !== browser.runtime.id) return false;
    // sendResponse + `return true` rather than returning a promise: Chrome only began honouring
    // promise returns from onMessage listeners recently, and Firefox accepts both.
    void handleMessage(message, {
      tabId: sender.tab?.id,
      frameId: sender.frameId,
      url: sender.url,
    }).then(sendResponse);
    return true;
  });
});
