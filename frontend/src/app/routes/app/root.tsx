// The signed-in part of the app: sends visitors without a session to the sign-in page (remembering
// where they were going), loads the user, then shows the layout around the page — or, for an admin
// whose session has not passed a second factor, the prompt to get one.
import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';

import { DashboardLayout } from '@/components/layouts/dashboard-layout';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { useIsSignedIn } from '@/lib/auth/use-session';

import { SecondFactorGate } from './second-factor-gate';

export function AppRoot() {
  const signedIn = useIsSignedIn();
  const location = useLocation();

  if (!signedIn) {
    const target = `${location.pathname}${location.search}`;
    const query = target === '/' ? '' : `?redirect=${encodeURIComponent(target)}`;
    return <Navigate to={`${paths.signIn}${query}`} replace />;
  }

  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          fallback={(error, retry) => (
            <main style={{ padding: 'var(--mantine-spacing-md)' }}>
              <QueryError
                error={error}
                onRetry={() => {
                  reset();
                  retry();
                }}
              />
            </main>
          )}
        >
          <Suspense fallback={<PageLoader />}>
            <DashboardLayout>
              <Suspense fallback={<PageLoader />}>
                <SecondFactorGate>
                  <Outlet />
                </SecondFactorGate>
              </Suspense>
            </DashboardLayout>
          </Suspense>
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
