import { useEffect, useState } from 'preact/hooks';
import type { Session } from './session';
import { FilesView } from './views/files';
import { JobsView, type JobRef } from './views/jobs';
import { LoginView } from './views/login';
import { OverviewView } from './views/overview';
import { WorkersView } from './views/workers';

const VIEWS = [
  { id: 'overview', label: 'Overview' },
  { id: 'workers', label: 'Workers' },
  { id: 'jobs', label: 'Jobs' },
  { id: 'files', label: 'Files in flight' },
] as const;
type ViewId = (typeof VIEWS)[number]['id'];

/** The view is in the URL's hash (#jobs), so reload and the back button keep it. */
function viewFromHash(): ViewId {
  const id = location.hash.slice(1);
  return VIEWS.some((v) => v.id === id) ? (id as ViewId) : 'overview';
}

export function App({ session }: { session: Session }) {
  const [user, setUser] = useState(session.user);
  const [view, setView] = useState<ViewId>(viewFromHash());
  const [job, setJob] = useState<JobRef | undefined>(undefined);
  useEffect(() => session.onChange(() => setUser(session.user)), [session]);
  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  if (!user) return <LoginView session={session} />;
  const openJob = (jobId: string) => {
    setJob({ jobId });
    location.hash = 'jobs';
  };
  return (
    <>
      <header>
        <nav aria-label="Views">
          {VIEWS.map((v) => (
            <a href={`#${v.id}`} aria-current={view === v.id ? 'page' : undefined}>
              {v.label}
            </a>
          ))}
        </nav>
        <div class="me">
          <span>{user.email}</span>
          <button type="button" onClick={() => void session.logout()}>
            Sign out
          </button>
        </div>
      </header>
      <main>
        {view === 'overview' && <OverviewView session={session} />}
        {view === 'workers' && <WorkersView session={session} openJob={openJob} />}
        {view === 'jobs' && <JobsView session={session} selected={job} select={setJob} />}
        {view === 'files' && <FilesView session={session} />}
      </main>
    </>
  );
}
