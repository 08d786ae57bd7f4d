/**
 * The due-card count on the toolbar badge: set when the worker starts and after every write that
 * can change it. Cards that fall due while nothing happens show up at the next start or write
 * (a timer would need the `alarms` permission to outlive the worker; not worth it for a badge).
 */
import { browser } from 'wxt/browser';
import { countDue } from './store';

/** Above this the badge shows "999+": four digits do not fit on it. */
const BADGE_MAX = 999;

/** Text of the badge for `due` cards: nothing when none are due. */
export function badgeText(due: number): string {
  if (due <= 0) return '';
  return due > BADGE_MAX ? `${BADGE_MAX}+` : String(due);
}

/** Recounts the due cards and sets the badge. Never throws: a badge is not worth an error. */
export async function updateDueBadge(now = Date.now()): Promise<void> {
  try {
    const due = await countDue(now);
    await browser.action.setBadgeText({ text: badgeText(due) });
    if (due > 0) await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
  } catch (error) {
    console.warn('tifa: badge not updated', error instanceof Error ? error.name : 'error');
  }
}
