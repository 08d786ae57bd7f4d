import { useEffect, useState } from 'react';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * The value of a WXT storage item, kept in step with writes from anywhere (the other extension
 * page, the keyboard shortcut in the background). Undefined until the first read, so a page shows
 * nothing rather than flashing the defaults.
 */
export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let changedMeanwhile = false;
    let live = true;
    const unwatch = item.watch((next) => {
      changedMeanwhile = true;
      setValue(next);
    });
    item.getValue().then(
      (initial) => {
        // A change seen while the first read was pending is newer than what the read returned.
        if (live && !changedMeanwhile) setValue(initial);
      },
      (error: unknown) => console.error('Tifa Reader: could not read settings', error),
    );
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}
