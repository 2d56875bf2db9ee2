import '@testing-library/jest-dom/vitest';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { server } from './server';
import i18n from '@/lib/i18n';
import { session } from '@/lib/session';
import { setRuntimeConfig } from '@/config/runtime';

// findBy*/waitFor wait up to 5 s (default 1 s): the suite runs on shared, sometimes busy machines.
configure({ asyncUtilTimeout: 5000 });

// jsdom's fetch needs absolute URLs: tests use an API base of http://localhost.
setRuntimeConfig({ apiBaseUrl: 'http://localhost' });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  cleanup();
  server.resetHandlers();
  session.reset();
  await i18n.changeLanguage('ja');
});
afterAll(() => server.close());
