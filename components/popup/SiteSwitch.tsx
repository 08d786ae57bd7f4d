import { t } from '../../utils/i18n';
import { coveringSite } from '../../utils/site-list';
import { ToggleRow } from './ToggleRow';

interface SiteSwitchProps {
  site: string;
  sites: readonly string[];
  onChange: (enabled: boolean) => void;
}

/** The popup's main switch: the reader on or off for the active tab's site. */
export function SiteSwitch({ site, sites, onChange }: SiteSwitchProps) {
  const coveredBy = coveringSite(sites, site);
  // Say so when the switch is on because of a parent domain, since turning it off removes that.
  const hint = coveredBy && coveredBy !== site ? t('popupSiteCoveredBy', coveredBy) : undefined;
  return (
    <div className="site-switch">
      <ToggleRow
        label={t('popupSiteSwitch')}
        hint={hint}
        checked={coveredBy !== undefined}
        onChange={onChange}
      />
    </div>
  );
}
