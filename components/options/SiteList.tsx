import { useEffect, useRef } from 'react';
import { t } from '../../utils/i18n';

interface SiteListProps {
  sites: readonly string[];
  /** Starts the removal; the list updates when storage does. */
  onRemove: (site: string) => void;
  /** Where keyboard focus goes when the last site is removed. */
  onEmptied: () => void;
}

/**
 * The listed sites, each with a Remove button. After a removal, focus moves to the button that
 * took its place (or the one before), so keyboard users can remove several in a row.
 */
export function SiteList({ sites, onRemove, onEmptied }: SiteListProps) {
  const list = useRef<HTMLUListElement>(null);
  // Index of the removed entry, until the list re-renders without it.
  const focusAfterRemoval = useRef<number | null>(null);

  useEffect(() => {
    const index = focusAfterRemoval.current;
    if (index === null) return;
    focusAfterRemoval.current = null;
    const buttons = list.current?.querySelectorAll('button') ?? [];
    const next = buttons[Math.min(index, buttons.length - 1)];
    if (next) next.focus();
    else onEmptied();
  }, [sites, onEmptied]);

  if (sites.length === 0) return <p className="hint">{t('optionsSitesEmpty')}</p>;
  return (
    <ul className="site-list" ref={list}>
      {sites.map((site, index) => (
        <li key={site}>
          <span className="site-list-name">{site}</span>
          <button
            type="button"
            aria-label={t('optionsSiteRemoveLabel', site)}
            onClick={() => {
              focusAfterRemoval.current = index;
              onRemove(site);
            }}
          >
            {t('optionsSiteRemove')}
          </button>
        </li>
      ))}
    </ul>
  );
}
