import { useCallback } from 'react';
import { enabledSites, withSite } from '../../utils/settings';
import { setSiteEnabled } from '../../utils/site-list';
import { useStorageItem } from './use-storage-item';

export interface EnabledSites {
  /** The list; undefined until read. */
  sites: readonly string[] | undefined;
  /** The popup's switch: on adds the site; off also removes a parent entry that covers it. */
  setSiteEnabled: (site: string, enabled: boolean) => Promise<void>;
  /** The options list: adds or removes exactly one entry. */
  setEntry: (entry: string, listed: boolean) => Promise<void>;
}

/**
 * The "reader on" site list and the two ways of changing it. Like the settings, each write starts
 * from the stored list, so the popup and the options page can both be open.
 */
export function useEnabledSites(): EnabledSites {
  const sites = useStorageItem(enabledSites);
  const switchSite = useCallback(async (site: string, enabled: boolean) => {
    await enabledSites.setValue(setSiteEnabled(await enabledSites.getValue(), site, enabled));
  }, []);
  const setEntry = useCallback(async (entry: string, listed: boolean) => {
    await enabledSites.setValue(withSite(await enabledSites.getValue(), entry, listed));
  }, []);
  return { sites, setSiteEnabled: switchSite, setEntry };
}
