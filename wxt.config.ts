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
    // Fewest permissions that work: storage for settings; no host permissions beyond the
    // content script's own match patterns.
    permissions: ['storage'],
  },
});
