import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { routerFuture, routes } from '@/app/routes';
import { createQueryClient } from '@/app/query-client';
import { session, type Role } from '@/lib/session';
import { DEMO_PASSWORD, resetDb } from './handlers';

/** Renders the whole app at a path, with the real routes, guards and API client (msw behind it). */
export function renderApp(path: string) {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } });
  const router = createMemoryRouter(routes, { initialEntries: [path], future: routerFuture });
  const user = userEvent.setup();
  const utils = render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} future={{ v7_startTransition: true }} />
    </QueryClientProvider>,
  );
  return { ...utils, router, user, client };
}

/** A logged-in session for a demo role, through the real login call. */
export async function loginAs(role: Role) {
  await session.login(role, DEMO_PASSWORD);
}

export { resetDb };
