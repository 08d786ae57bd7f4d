import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';

/** Opens the review page (saved words, history, flashcards) in a new tab. */
export function ReviewLink() {
  const url = browser.runtime.getURL('/review.html');
  return (
    <a
      className="review-link"
      href={url}
      onClick={(event) => {
        event.preventDefault();
        void browser.tabs.create({ url }).then(() => window.close());
      }}
    >
      {t('popupOpenReview')}
    </a>
  );
}
