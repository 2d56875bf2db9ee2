import { useEffect, useState } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { routerFuture, routes } from './routes';
import { createQueryClient } from './query-client';
import { session } from '@/lib/session';

export function App({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [router] = useState(() => createBrowserRouter(routes, { future: routerFuture }));
  useEffect(() => {
    void session.restore();
    // Whatever the last user loaded must not show to the next one: forget it when a session ends.
    return session.subscribe((state) => {
      if (state.status === 'anonymous' || state.status === 'expired') client.clear();
    });
  }, [client]);
  return (
    <QueryClientProvider client={client}>
      <RouterProvider router={router} future={{ v7_startTransition: true }} />
    </QueryClientProvider>
  );
}
