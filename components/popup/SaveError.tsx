import { t } from '../../utils/i18n';

/** The reason the last write to storage failed; an alert so it is announced when it appears. */
export function SaveError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="error" role="alert">
      {t('errorSaveFailed', message)}
    </p>
  );
}
