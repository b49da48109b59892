// Entry of the public response page (respond.html, served for /respond/{token}). It imports React, its
// own small stylesheet and the form — nothing of the staff SPA — so a respondent on a slow phone
// connection downloads as little as possible (`npm run size:respond` holds it under 150 KB gzipped).
import './respond.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { RespondApp } from './respond-app';

const root = document.getElementById('root');
if (!root) throw new Error('respond.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <RespondApp path={window.location.pathname} search={window.location.search} />
  </StrictMode>,
);
