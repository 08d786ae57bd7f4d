import { useId, useState, type FormEvent } from 'react';
import { t, type MessageKey } from '../../utils/i18n';
import { coveringSite, parseSiteInput, type SiteInputError } from '../../utils/site-list';

interface AddSiteFormProps {
  sites: readonly string[];
  onAdd: (site: string) => Promise<void>;
}

const INPUT_ERRORS: Readonly<Record<SiteInputError, MessageKey>> = {
  empty: 'siteErrorEmpty',
  scheme: 'siteErrorScheme',
  invalid: 'siteErrorInvalid',
};

type Feedback = { kind: 'error' | 'done'; text: string } | null;

/** The field that adds a site: a hostname or a pasted link; refuses anything else, saying why. */
export function AddSiteForm({ sites, onAdd }: AddSiteFormProps) {
  const inputId = useId();
  const feedbackId = `${inputId}-feedback`;
  const [text, setText] = useState('');
  const [feedback, setFeedback] = useState<Feedback>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseSiteInput(text);
    if (!parsed.ok) {
      setFeedback({ kind: 'error', text: t(INPUT_ERRORS[parsed.error]) });
      return;
    }
    const { site } = parsed;
    const covering = coveringSite(sites, site);
    if (covering === site) {
      setFeedback({ kind: 'error', text: t('siteErrorDuplicate', site) });
      return;
    }
    if (covering) {
      setFeedback({ kind: 'error', text: t('siteErrorCovered', [site, covering]) });
      return;
    }
    try {
      await onAdd(site);
      setText('');
      setFeedback({ kind: 'done', text: t('optionsSiteAdded', site) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setFeedback({ kind: 'error', text: t('errorSaveFailed', reason) });
    }
  };

  const invalid = feedback?.kind === 'error';
  return (
    <form className="add-site" noValidate onSubmit={(event) => void submit(event)}>
      <label htmlFor={inputId} className="row-label">
        {t('optionsSiteInputLabel')}
      </label>
      <div className="add-site-controls">
        <input
          id={inputId}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('optionsSiteInputPlaceholder')}
          value={text}
          aria-invalid={invalid}
          aria-describedby={feedbackId}
          onChange={(event) => {
            setText(event.currentTarget.value);
            if (feedback) setFeedback(null);
          }}
        />
        <button type="submit">{t('optionsSiteAdd')}</button>
      </div>
      {/* Always in the document, so screen readers announce what appears in it. */}
      <p id={feedbackId} className={invalid ? 'error' : 'feedback'} aria-live="polite">
        {feedback?.text}
      </p>
    </form>
  );
}
