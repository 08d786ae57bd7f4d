import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyToneColorVariables } from '../../components/popup/tone-variables';
import '../../components/popup/reader-ui.css';
import { t } from '../../utils/i18n';
import { App } from './App';
import './options.css';

const root = document.getElementById('root');
if (root) {
  document.title = t('optionsTitle');
  applyToneColorVariables(document.documentElement);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
