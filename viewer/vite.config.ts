// The viewer is a static site: `vite build viewer` writes viewer/dist, which `kg view` serves.
// Relative base so the pages work under any path; two pages: the viewer and the bare sigma page the
// benchmark compares it against (same sigma, same graph, no app code).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { input: { index: here('./index.html'), bare: here('./bare.html') } },
  },
});
