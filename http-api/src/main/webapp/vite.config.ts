import { defineConfig } from 'vitest/config';

// The server (http-api) serves target/classes/web from the classpath: index.html for "/" and for
// "/{room}", and everything under "/assets/". Nothing else is reachable, hence no public/ folder:
// every file the page needs must be imported so that it lands in assets/.
export default defineConfig({
  base: '/',
  build: {
    outDir: '../../../target/classes/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
  },
  server: {
    // `npm run dev` talks to a Parley server started on its default port.
    proxy: {
      '/api': { target: 'http://localhost:8080', ws: true },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
