import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/popup/reader-ui.css';
import { App } from './App';
import './glossary.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
