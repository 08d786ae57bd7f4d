import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';

/**
 * Opens the options page. openOptionsPage focuses an already open options tab instead of adding
 * another; the href keeps it a real link (middle click, "copy link").
 */
export function OptionsLink() {
  return (
    <a
      className="options-link"
      href={browser.runtime.getURL('/options.html')}
      onClick={(event) => {
        event.preventDefault();
        void browser.runtime.openOptionsPage().then(() => window.close());
      }}
    >
      {t('popupOpenOptions')}
    </a>
  );
}
