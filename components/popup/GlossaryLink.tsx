import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';

/** Opens the glossary page in a new tab (and closes the toolbar popup, if that is where it is). */
export function GlossaryLink({ closeWindow = false }: { closeWindow?: boolean }) {
  const url = browser.runtime.getURL('/glossary.html');
  return (
    <a
      className="glossary-link"
      href={url}
      onClick={(event) => {
        event.preventDefault();
        void browser.tabs.create({ url }).then(() => {
          if (closeWindow) window.close();
        });
      }}
    >
      {t('popupOpenGlossary')}
    </a>
  );
}
