import { useCallback } from 'react';
import { enabledSites } from '../../utils/settings';
import { setSiteEnabled } from '../../utils/site-list';
import { useStorageItem } from './use-storage-item';

export type SetSiteEnabled = (site: string, enabled: boolean) => Promise<void>;

/**
 * The "reader on" site list and a function that switches one site. Like the settings, each write
 * starts from the stored list, so the popup and the options page can both be open.
 */
export function useEnabledSites(): [readonly string[] | undefined, SetSiteEnabled] {
  const sites = useStorageItem(enabledSites);
  const setEnabled = useCallback<SetSiteEnabled>(async (site, enabled) => {
    const current = await enabledSites.getValue();
    await enabledSites.setValue(setSiteEnabled(current, site, enabled));
  }, []);
  return [sites, setEnabled];
}
