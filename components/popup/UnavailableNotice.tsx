import { t } from '../../utils/i18n';

/** Shown in place of the site switch on pages where no extension can run its reader. */
export function UnavailableNotice() {
  return (
    <div className="notice" role="status">
      <p className="notice-title">{t('popupCannotRun')}</p>
      <p className="hint">{t('popupCannotRunHint')}</p>
    </div>
  );
}
