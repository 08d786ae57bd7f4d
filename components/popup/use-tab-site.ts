import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { siteOfUrl } from '../../utils/site-list';

/** undefined while loading; null where the reader cannot run; otherwise the tab's site. */
export type TabSite = string | null | undefined;

/**
 * The site of the tab the popup is about: the tab `tabId` if given (tests open the popup as a
 * page of its own and pass the tab under test as `?tab=`), else the active tab of the window.
 * Reading `tab.url` needs no `tabs` permission: the host permissions for http(s) cover it, and
 * on other pages the URL is hidden, which correctly reads as "cannot run here".
 */
export function useTabSite(tabId: number | null): TabSite {
  const [site, setSite] = useState<TabSite>(undefined);
  useEffect(() => {
    let live = true;
    findTabUrl(tabId).then(
      (url) => {
        if (live) setSite(siteOfUrl(url));
      },
      () => {
        if (live) setSite(null);
      },
    );
    return () => {
      live = false;
    };
  }, [tabId]);
  return site;
}

async function findTabUrl(tabId: number | null): Promise<string | undefined> {
  if (tabId !== null) return (await browser.tabs.get(tabId)).url;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.url;
}
