import { defineConfig } from 'vite';

// A static single-page app: relative asset paths, so web/dist can be served from any folder.
// The largest chunk is smoldot (the light client, its wasm inlined, about 3 MB): loaded only in
// light-client mode, so the warning limit is set above it.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', target: 'es2022', chunkSizeWarningLimit: 3500 },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
