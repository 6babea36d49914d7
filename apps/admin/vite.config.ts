import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const BFF = process.env.BFF_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { '/api': BFF } },
  // The manifest lets scripts/bundle-size.mjs find what the first screen loads.
  build: { sourcemap: true, chunkSizeWarningLimit: 1500, manifest: true },
});
