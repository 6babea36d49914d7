import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bootConsole } from './boot';
import { authProvider } from './providers/authProvider';

const boot = bootConsole(window.location.hash);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App {...boot} authProvider={authProvider} />
  </StrictMode>,
);
