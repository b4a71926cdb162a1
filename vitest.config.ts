import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  test: {
    // Components render in happy-dom; pure engine tests opt into `node` per file.
    environment: 'happy-dom',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    globals: true,
    setupFiles: ['tests/setup.ts'],
    // No unit test asserts a time; the limit only ends a hang. The heavier property and
    // subprocess tests (session order, the detect CLI, search at 10k entities) need well
    // over vitest's 5 s default on two busy cores, where CI runs.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
