import { ClientScopeProvider, useWorkspace, WorkspaceProvider } from './auth/workspace';
import { SessionProvider, useSession } from './auth/session';
import { match, navigate, useLocation } from './routing/router';
import { AccountsScreen } from './screens/accounts.screen';
import { AiProvidersScreen } from './screens/ai-providers.screen';
import { ApprovalsScreen } from './screens/approvals.screen';
import { AuditScreen } from './screens/audit.screen';
import { BrandScreen } from './screens/brand.screen';
import { CalendarScreen } from './screens/calendar.screen';
import { ClientReviewScreen } from './screens/client-review.screen';
import { ClientsScreen } from './screens/clients.screen';
import { ComposeScreen } from './screens/compose.screen';
import { ConnectionsScreen } from './screens/connector-health/connections.screen';
import { NeedsAttentionScreen } from './screens/connector-health/needs-attention.screen';
import { DiagnosticsScreen } from './screens/diagnostics/diagnostics.screen';
import { GatewayScreen } from './screens/gateway/gateway.screen';
import { ImportScreen } from './screens/import.screen';
import { InboxScreen } from './screens/inbox/inbox.screen';
import { KillSwitchesScreen } from './screens/kill-switches.screen';
import { NotFoundScreen } from './screens/not-found.screen';
import { OnboardingScreen } from './screens/onboarding.screen';
import { PlanNewScreen } from './screens/plan-new.screen';
import { PlanScreen } from './screens/plan.screen';
import { PlansScreen } from './screens/plans.screen';
import { PolicyScreen } from './screens/policy.screen';
import { PostScreen } from './screens/post.screen';
import { ReviewScreen } from './screens/review.screen';
import { SettingsScreen } from './screens/settings.screen';
import { SignInScreen } from './screens/sign-in.screen';
import { WebhooksScreen } from './screens/webhooks.screen';
import { ReportsScreen } from './screens/reports/reports.screen';
import { ErrorBox, Loading } from './ui/feedback';
import { Shell } from './ui/shell';
import { useEffect } from 'react';

export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}

function Gate() {
  const { status, refresh } = useSession();
  if (status === 'loading')
    return (
      <main id="main" className="centered">
        <Loading what="your session" />
      </main>
    );
  if (status === 'unreachable') {
    return (
      <main id="main" className="centered">
        <h1>Raize is not answering</h1>
        <ErrorBox
          error={new Error('The API did not answer. Check that it is running (npm run stack), then try again.')}
          onRetry={() => void refresh()}
        />
      </main>
    );
  }
  if (status === 'signed-out') return <SignInScreen />;
  return (
    <WorkspaceProvider>
      <Routes />
    </WorkspaceProvider>
  );
}

function Routes() {
  const { path } = useLocation();
  const clientRoute = match('/c/:clientId', path.split('/').slice(0, 3).join('/'));
  const clientId = path.startsWith('/c/') && clientRoute ? clientRoute.clientId : null;
  useEffect(() => {
    if (path === '/' || path === '/sign-in') navigate('/clients', { replace: true });
  }, [path]);
  return (
    <Shell clientId={clientId}>
      {clientId ? <ClientRoutes clientId={clientId} path={path} /> : <TopRoutes path={path} />}
    </Shell>
  );
}

function TopRoutes({ path }: { path: string }) {
  if (path === '/clients' || path === '/' || path === '/sign-in') return <ClientsScreen />;
  if (path === '/clients/new') return <OnboardingScreen />;
  if (path === '/settings') return <SettingsScreen />;
  if (path === '/attention') return <NeedsAttentionScreen />;
  if (path === '/diagnostics') return <DiagnosticsScreen />;
  if (path === '/gateway') return <GatewayScreen />;
  return <NotFoundScreen />;
}

function ClientRoutes({ clientId, path }: { clientId: string; path: string }) {
  const ws = useWorkspace();
  if (!ws.clients)
    return ws.clientsError ? (
      <ErrorBox error={ws.clientsError} onRetry={() => void ws.reloadClients()} />
    ) : (
      <Loading what="the client" />
    );
  const client = ws.clients.find((c) => c.id === clientId);
  if (!client) return <NotFoundScreen what="client" />;
  const rest = path.split('/').slice(3);
  let screen;
  const post = match('posts/:postId', rest.join('/'));
  const plan = match('plans/:planId', rest.join('/'));
  if (post) screen = <PostScreen postId={post.postId} />;
  else if (plan) screen = plan.planId === 'new' ? <PlanNewScreen /> : <PlanScreen planId={plan.planId} />;
  else {
    switch (rest[0] ?? 'calendar') {
      case 'calendar':
        screen = <CalendarScreen />;
        break;
      case 'compose':
        screen = <ComposeScreen />;
        break;
      case 'approvals':
        screen = <ApprovalsScreen />;
        break;
      case 'plans':
        screen = <PlansScreen />;
        break;
      case 'review':
        screen = <ReviewScreen />;
        break;
      case 'inbox':
        // One screen for the list and a selected conversation, so selecting keeps the list's pages and scroll.
        screen = rest.length <= 2 ? <InboxScreen conversationId={rest[1] || null} /> : <NotFoundScreen />;
        break;
      case 'import':
        screen = <ImportScreen />;
        break;
      case 'brand':
        screen = <BrandScreen />;
        break;
      case 'ai-providers':
        screen = <AiProvidersScreen />;
        break;
      case 'accounts':
        screen = <AccountsScreen />;
        break;
      case 'connections':
        screen = <ConnectionsScreen />;
        break;
      case 'kill-switches':
        screen = <KillSwitchesScreen />;
        break;
      case 'audit':
        screen = <AuditScreen />;
        break;
      case 'policy':
        screen = <PolicyScreen />;
        break;
      case 'webhooks':
        screen = <WebhooksScreen />;
        break;
      case 'client-review':
        screen = <ClientReviewScreen />;
        break;
      case 'reports':
        screen = <ReportsScreen />;
        break;
      default:
        screen = <NotFoundScreen />;
    }
  }
  return (
    <ClientScopeProvider key={client.id} client={client}>
      {screen}
    </ClientScopeProvider>
  );
}
