import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyToneColorVariables } from '../../components/popup/tone-variables';
import '../../components/popup/reader-ui.css';
import { App } from './App';
import './popup.css';

/**
 * `?tab=<id>` makes the popup act on that tab instead of the active one. Only tests use it: they
 * open the popup as a page of its own, which is then the active tab itself.
 */
function tabIdFromQuery(): number | null {
  const value = new URLSearchParams(window.location.search).get('tab');
  const tabId = value === null ? NaN : Number(value);
  return Number.isInteger(tabId) && tabId >= 0 ? tabId : null;
}

const root = document.getElementById('root');
if (root) {
  applyToneColorVariables(document.documentElement);
  createRoot(root).render(
    <StrictMode>
      <App tabId={tabIdFromQuery()} />
    </StrictMode>,
  );
}
