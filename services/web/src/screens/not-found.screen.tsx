import { Link } from '../routing/router';
import { Page } from '../ui/page';

export function NotFoundScreen({ what = 'page' }: { what?: string }) {
  return (
    <Page title={`No such ${what}`}>
      <p>This {what} does not exist, or it belongs to a client you have no role on.</p>
      <p>
        <Link to="/clients">Go to your clients</Link>
      </p>
    </Page>
  );
}
