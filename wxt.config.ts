import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports keep every dependency visible in the file that uses it.
  imports: false,
  manifest: {
    name: 'Tifa Reader',
    description:
      'Read Chinese political news: pinyin, simplified/traditional conversion, word and term popups.',
    // Fewest permissions that work; no host permissions beyond the content script's own match
    // patterns. storage: settings. scripting: inject the reader (reader-main.js) only into
    // frames of sites where it is on, so other pages never load the text engine.
    permissions: ['storage', 'scripting'],
    // executeScript needs host permission for the frame it injects into. The gatekeeper content
    // script already runs on every http(s) page, so this adds no new install warning.
    host_permissions: ['http://*/*', 'https://*/*'],
  },
});
