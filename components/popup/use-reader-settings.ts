import { useCallback } from 'react';
import { readerSettings, sanitizeSettings, type ReaderSettings } from '../../utils/settings';
import { useStorageItem } from './use-storage-item';

export type UpdateReaderSettings = (patch: Partial<ReaderSettings>) => Promise<void>;

/**
 * The reader settings (sanitised, so a damaged store still renders) and a function that writes a
 * change. The write merges into the stored value rather than this page's copy, so two pages open
 * at once never undo each other's changes.
 */
export function useReaderSettings(): [ReaderSettings | undefined, UpdateReaderSettings] {
  const stored = useStorageItem(readerSettings);
  const update = useCallback<UpdateReaderSettings>(async (patch) => {
    const current = sanitizeSettings(await readerSettings.getValue());
    await readerSettings.setValue(sanitizeSettings({ ...current, ...patch }));
  }, []);
  return [stored === undefined ? undefined : sanitizeSettings(stored), update];
}
