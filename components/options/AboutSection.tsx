import { t } from '../../utils/i18n';

const CEDICT_URL = 'https://www.mdbg.net/chinese/dictionary?page=cedict';
const CC_BY_SA_URL = 'https://creativecommons.org/licenses/by-sa/4.0/';

/** Attribution the licences require (CC-CEDICT's BY-SA above all) and the privacy note. */
export function AboutSection({ headingId }: { headingId: string }) {
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('optionsAboutHeading')}</h2>
      <p>{t('aboutDictionary')}</p>
      <ul className="about-links">
        <li>
          <a href={CEDICT_URL} target="_blank" rel="noreferrer">
            {t('aboutDictionaryLink')}
          </a>
        </li>
        <li>
          <a href={CC_BY_SA_URL} target="_blank" rel="noreferrer">
            CC BY-SA 4.0
          </a>
        </li>
      </ul>
      <p>{t('aboutLibraries')}</p>
      <h3>{t('aboutPrivacyHeading')}</h3>
      <p>{t('aboutPrivacy')}</p>
    </section>
  );
}
