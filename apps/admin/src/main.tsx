import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bootConsole } from './boot';
import { authProvider } from './providers/authProvider';

const { queryClient, dataProvider } = bootConsole(window.location.hash);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App dataProvider={dataProvider} authProvider={authProvider} queryClient={queryClient} />
  </StrictMode>,
);
