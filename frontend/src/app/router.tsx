// The client routes. Every page is its own chunk (React.lazy), so the first load carries only the
// frame; the signed-in layout guards everything except the sign-in page.
import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';

import { paths } from '@/config/paths';

import { RoleGate } from './routes/app/role-gate';
import { AppRoot } from './routes/app/root';

function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const SignInRoute = lazyPage(() => import('./routes/sign-in'), 'SignInRoute');
const HomeRoute = lazyPage(() => import('./routes/app/home'), 'HomeRoute');
const TopicsRoute = lazyPage(() => import('./routes/app/topics'), 'TopicsRoute');
const TopicRoute = lazyPage(() => import('./routes/app/topic'), 'TopicRoute');
const ImpedimentsRoute = lazyPage(() => import('./routes/app/impediments'), 'ImpedimentsRoute');
const ImpedimentRoute = lazyPage(() => import('./routes/app/impediment'), 'ImpedimentRoute');
const ConsultationsRoute = lazyPage(() => import('./routes/app/consultations'), 'ConsultationsRoute');
const ConsultationRoute = lazyPage(() => import('./routes/app/consultation'), 'ConsultationRoute');
const ConsultationResultsRoute = lazyPage(
  () => import('./routes/app/consultation-results'),
  'ConsultationResultsRoute',
);
const StakeholdersRoute = lazyPage(() => import('./routes/app/stakeholders'), 'StakeholdersRoute');
const StakeholderRoute = lazyPage(() => import('./routes/app/stakeholder'), 'StakeholderRoute');
const MinisterialRoute = lazyPage(() => import('./routes/app/ministerial'), 'MinisterialRoute');
const MinisterialBoardRoute = lazyPage(() => import('./routes/app/ministerial-board'), 'MinisterialBoardRoute');
const PrepItemsRoute = lazyPage(() => import('./routes/app/prep-items'), 'PrepItemsRoute');
const PrepItemRoute = lazyPage(() => import('./routes/app/prep-item'), 'PrepItemRoute');
const PrepItemTraceRoute = lazyPage(() => import('./routes/app/prep-item-trace'), 'PrepItemTraceRoute');
// issue 10: meetings
const MeetingsRoute = lazyPage(() => import('./routes/app/meetings'), 'MeetingsRoute');
const MeetingRoute = lazyPage(() => import('./routes/app/meeting'), 'MeetingRoute');
const ImpedimentTraceRoute = lazyPage(() => import('./routes/app/impediment-trace'), 'ImpedimentTraceRoute');
const AlignmentRoute = lazyPage(() => import('./routes/app/alignment'), 'AlignmentRoute');
const AdminRoute = lazyPage(() => import('./routes/app/admin'), 'AdminRoute');
const SecurityRoute = lazyPage(() => import('./routes/app/security'), 'SecurityRoute');
// issue 10: notifications
const NotificationsRoute = lazyPage(() => import('./routes/app/notifications'), 'NotificationsRoute');
const FollowingRoute = lazyPage(() => import('./routes/app/following'), 'FollowingRoute');
const EmailOutboxRoute = lazyPage(() => import('./routes/app/email-outbox'), 'EmailOutboxRoute');
// issue 10: briefings
const BriefingsRoute = lazyPage(() => import('./routes/app/briefings'), 'BriefingsRoute');
const BriefingRoute = lazyPage(() => import('./routes/app/briefing'), 'BriefingRoute');
// issue 10: documents
const DocumentsRoute = lazyPage(() => import('./routes/app/documents'), 'DocumentsRoute');
const DocumentsSearchRoute = lazyPage(() => import('./routes/app/documents-search'), 'DocumentsSearchRoute');
const DocumentRoute = lazyPage(() => import('./routes/app/document'), 'DocumentRoute');
// issue 11: import-ui
const ImportsRoute = lazyPage(() => import('./routes/app/imports'), 'ImportsRoute');
const ImportRoute = lazyPage(() => import('./routes/app/imports'), 'ImportRoute');
const WebhooksRoute = lazyPage(() => import('./routes/app/webhooks'), 'WebhooksRoute');
// issue 11: WTO notifications
const WtoNotificationsRoute = lazyPage(() => import('./routes/app/wto-notifications'), 'WtoNotificationsRoute');
const WtoNotificationRoute = lazyPage(() => import('./routes/app/wto-notification'), 'WtoNotificationRoute');
const NotBuiltRoute = lazyPage(() => import('./routes/app/not-built'), 'NotBuiltRoute');
const NotFoundRoute = lazyPage(() => import('./routes/not-found'), 'NotFoundRoute');

const notBuilt = [paths.meetings];

const router = createBrowserRouter([
  { path: paths.signIn, element: <SignInRoute /> },
  {
    path: '/',
    element: <AppRoot />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'topics', element: <TopicsRoute /> },
      { path: 'topics/:code', element: <TopicRoute /> },
      { path: 'consultations', element: <ConsultationsRoute /> },
      { path: 'consultations/:id', element: <ConsultationRoute /> },
      { path: 'consultations/:id/results', element: <ConsultationResultsRoute /> },
      { path: 'impediments', element: <ImpedimentsRoute /> },
      { path: 'impediments/:id', element: <ImpedimentRoute /> },
      { path: 'impediments/:id/trace', element: <ImpedimentTraceRoute /> },
      { path: 'stakeholders', element: <StakeholdersRoute /> },
      { path: 'stakeholders/:id', element: <StakeholderRoute /> },
      ...[
        { path: 'ministerial', element: <MinisterialRoute /> },
        { path: 'ministerial/:code', element: <MinisterialBoardRoute /> },
        { path: 'prep-items', element: <PrepItemsRoute /> },
        { path: 'prep-items/:id', element: <PrepItemRoute /> },
        { path: 'prep-items/:id/trace', element: <PrepItemTraceRoute /> },
        // issue 10: meetings
        { path: 'meetings', element: <MeetingsRoute /> },
        { path: 'meetings/:id', element: <MeetingRoute /> },
      ].map(({ path, element }) => ({ path, element: <RoleGate area="ministerial">{element}</RoleGate> })),
      {
        path: 'alignment',
        element: (
          <RoleGate area="alignment">
            <AlignmentRoute />
          </RoleGate>
        ),
      },
      {
        path: 'admin',
        element: (
          <RoleGate area="admin">
            <AdminRoute />
          </RoleGate>
        ),
      },
      // issue 10: briefings
      ...[
        { path: 'briefings', element: <BriefingsRoute /> },
        { path: 'briefings/:id', element: <BriefingRoute /> },
      ].map(({ path, element }) => ({ path, element: <RoleGate area="briefings">{element}</RoleGate> })),
      { path: 'security', element: <SecurityRoute /> },
      // issue 10: notifications
      { path: 'notifications', element: <NotificationsRoute /> },
      { path: 'notifications/following', element: <FollowingRoute /> },
      {
        path: 'admin/email-outbox',
        element: (
          <RoleGate area="admin">
            <EmailOutboxRoute />
          </RoleGate>
        ),
      },
      // issue 10: documents
      { path: 'library', element: <DocumentsRoute /> },
      { path: 'library/search', element: <DocumentsSearchRoute /> },
      { path: 'library/:id', element: <DocumentRoute /> },
      // issue 11: import-ui
      ...[
        { path: 'imports', element: <ImportsRoute />, area: 'imports' as const },
        { path: 'imports/:id', element: <ImportRoute />, area: 'imports' as const },
        { path: 'webhooks', element: <WebhooksRoute />, area: 'webhooks' as const },
      ].map(({ path, element, area }) => ({ path, element: <RoleGate area={area}>{element}</RoleGate> })),
      // issue 11: WTO notifications — public WTO data, readable by every signed-in role (a match alert
      // leads here); the matches shown are only those the server lets the user read.
      { path: 'wto-notifications', element: <WtoNotificationsRoute /> },
      { path: 'wto-notifications/:id', element: <WtoNotificationRoute /> },
      ...notBuilt.map((path) => ({ path, element: <NotBuiltRoute /> })),
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
