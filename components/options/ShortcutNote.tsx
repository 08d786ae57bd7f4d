import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';

/** Must match the command in wxt.config.ts (and TOGGLE_READER_COMMAND in the background). */
const TOGGLE_COMMAND = 'toggle-reader';

/**
 * The shortcut the browser actually assigned (a suggested key is dropped if another extension
 * holds it) and, in Chrome, a way to change it.
 */
export function ShortcutNote() {
  // undefined: still asking; '': no shortcut assigned.
  const [shortcut, setShortcut] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    browser.commands.getAll().then(
      (commands) => {
        const command = commands.find((candidate) => candidate.name === TOGGLE_COMMAND);
        if (live) setShortcut(command?.shortcut ?? '');
      },
      () => {
        if (live) setShortcut('');
      },
    );
    return () => {
      live = false;
    };
  }, []);

  if (shortcut === undefined) return null;
  return (
    <div>
      <p>{shortcut ? t('optionsShortcutCurrent', shortcut) : t('optionsShortcutNone')}</p>
      {!import.meta.env.FIREFOX && (
        <button
          type="button"
          onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}
        >
          {t('optionsShortcutChange')}
        </button>
      )}
    </div>
  );
}
