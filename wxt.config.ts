import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports keep every dependency visible in the file that uses it.
  imports: false,
  // Several builds can share one checkout (e.g. parallel benchmark runs): TIFA_OUT_DIR gives each
  // its own output folder; scripts/lib/chromium.ts loads the extension from the same place.
  outDir: process.env.TIFA_OUT_DIR ?? '.output',
  manifest: {
    name: 'Tifa Reader',
    description:
      'Read Chinese political news: pinyin, simplified/traditional conversion, word and term popups.',
    // UI text lives in public/_locales (utils/i18n.ts); a manifest with _locales must name the
    // fallback language. Name and description stay literal so every locale shows the brand.
    default_locale: 'en',
    // Fewest permissions that work. storage: settings. scripting: the background looks for
    // Chinese in pages of sites where the reader is on and injects the reader (reader-main.js)
    // only there, so other pages get no script of ours (entrypoints/background/inject-reader.ts;
    // tabs.onUpdated and the tab's URL need no `tabs` permission with the host permissions).
    // contextMenus: the page menu item that switches the reader on or off for the site
    // (entrypoints/background/toggle-site.ts). The keyboard shortcut (`commands`) needs no
    // permission, and reading the active tab's URL is covered by the host permissions.
    permissions: ['storage', 'scripting', 'contextMenus'],
    commands: {
      // Must match TOGGLE_READER_COMMAND in entrypoints/background/toggle-site.ts.
      'toggle-reader': {
        // Alt+Shift+Y ("pinYin"). Chromium silently drops a suggested key it reserves: tried in
        // Chromium 156 it refused Alt+Shift+P (and A B C N R T W X Z), and Google Chrome also
        // keeps Alt+Shift+I (feedback); Y was free. Ctrl+Alt combinations clash with AltGr
        // layouts. On macOS "Alt" is Option. tests/e2e/popup.spec.ts checks the key is
        // assigned; users can rebind it.
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_commandToggleReader__',
      },
      // Must match ANNOTATE_COMMAND in entrypoints/background/annotate-command.ts.
      'annotate-selection': {
        // Alt+Shift+M ("Mark"): free in Chromium (see above for the refused keys);
        // tests/e2e/annotations.spec.ts checks it is assigned.
        suggested_key: { default: 'Alt+Shift+M' },
        description: '__MSG_commandAnnotate__',
      },
    },
    // executeScript needs host permission for the frame it injects into, and the host permission
    // is what gives the background a tab's URL (to check its site) without `tabs`.
    // http://*/* also covers AnkiConnect on http://127.0.0.1:8765/ (the review page's "Send to
    // Anki", utils/study/anki-connect.ts): with host permission an extension page's fetch skips
    // CORS, so no separate permission is needed. If these patterns are ever narrowed, add
    // 'http://127.0.0.1:8765/*' here.
    host_permissions: ['http://*/*', 'https://*/*'],
  },
});
