import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles.css';
import './portal.css';
import { takeTokenFromFragment } from './portal-api';
import { PortalApp } from './portal-app';

// The client review portal (issue #14): its own entry of the build, so none of the operator's app ships to a client.
// The token is read before React renders, once (StrictMode runs effects twice in development).
const token = takeTokenFromFragment();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PortalApp initialToken={token} />
  </StrictMode>,
);
