import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { authProvider } from './providers/authProvider';
import { createDataProvider } from './providers/dataProvider';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App dataProvider={createDataProvider()} authProvider={authProvider} />
  </StrictMode>,
);
