import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { ProcessingStatus } from '../web/client/api-client.js';
import { uploadAndFollow } from '../web/client/upload-and-follow.js';
import { buildPanel } from '../web/monitor/build.mjs';
import { panelBuildDir } from '../src/monitor-panel/panel-assets.js';
import { loginAdmin, registerAndLogin } from './support/auth.js';
import { launchChromium, type Browser } from './support/chromium.js';
import { PROJECT_ROOT } from './support/compiled-src.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

/** Screenshots of each view (gitignored). */
const SCREENSHOTS = join(PROJECT_ROOT, 'test-artifacts', 'monitor-panel');
const TEXT = 'The panel follows this file through parsing, chunking, embedding, storage and graph extraction.\n';

/**
 * The monitoring panel in a real browser (Debian's Chromium through playwright-core) against the whole API with
 * in-process workers, real Redis and PGlite: sign in, overview, workers, a file's progress to 100 %, and a failed job
 * requeued from the panel that then runs to the end. Any console error or failed request fails the test.
 */
describe('monitoring panel in Chromium', () => {
  let system: TestApp;
  let browser: Browser;
  let base: string;
  let refreshes = 0;
  let adminToken: { value: string; at: number } | undefined;
  /** The test's own admin token, taken again before the short access TTL runs out. */
  const token = async () => {
    if (!adminToken || Date.now() - adminToken.at > 5_000) adminToken = { value: await loginAdmin(system), at: Date.now() };
    return adminToken.value;
  };

  const api = async (path: string, init: RequestInit = {}) =>
    fetch(`${base}/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${await token()}`, ...init.headers } });
  const upload = async (name: string, text: string) => {
    const form = new FormData();
    form.append('file', new Blob([text], { type: 'text/plain' }), name);
    const res = await api('/files', { method: 'POST', body: form });
    expect(res.status).toBe(202);
    return ((await res.json()) as { data: { file_id: string; job_id: string } }).data;
  };
  const jobStatus = async (jobId: string) =>
    ((await (await api(`/rq/queues/file_processing/jobs/${encodeURIComponent(jobId)}`)).json()) as { data: { status: string } })
      .data.status;
  const shoot = (name: string) => browser.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await buildPanel(panelBuildDir());
    // Access tokens of 10 s: the panel must refresh during the test without a single 401.
    system = await createTestApp({ JWT_ACCESS_TTL_SECONDS: '10' });
    await system.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(system.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
    browser.page.on('response', (response) => {
      if (response.url().endsWith('/api/v1/auth/refresh') && response.ok()) refreshes++;
    });
  });

  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  it('signs in as the admin and shows the overview with every queue and its charts', async () => {
    const { page } = browser;
    await page.goto(`${base}/monitor`);
    await page.getByLabel('Email').fill(system.config.auth.adminEmail ?? '');
    await page.getByLabel('Password').fill(system.config.auth.adminPassword ?? '');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=queue-counts] tr[data-queue=file_processing]').waitFor({ timeout: 15_000 });
    await page.locator('.chart canvas').first().waitFor();
    expect(await page.locator('[data-testid=queue-counts] tbody tr').count()).toBe(5);
    await page.getByLabel('Window').selectOption('1440');
    await page.locator('[data-testid=alerts]').waitFor();
    await shoot('overview');
  });

  it('lists the in-process worker with its pid, heartbeat and memory', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Workers' }).click();
    const row = page.locator('[data-testid=workers] tbody tr').first();
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain(String(process.pid));
    expect(await row.textContent()).toMatch(/\d(\.\d)? [MG]iB/);
    await shoot('workers');
  });

  it('follows a file uploaded with the typed client stage by stage until its progress reaches 100', async () => {
    const { page } = browser;
    // Paused, the upload waits in the queue, so the panel sees it before any stage runs.
    expect((await api('/rq/queues/file_processing/pause', { method: 'POST' })).status).toBe(200);
    const statuses: ProcessingStatus[] = [];
    const followed = uploadAndFollow({
      baseUrl: base,
      accessToken: await token(),
      file: new Blob([TEXT.repeat(200)], { type: 'text/plain' }),
      filename: 'followed.txt',
      onStatus: (status) => statuses.push(status),
    });
    const { file_id } = await waitFor(() => statuses[0], 10_000);
    await page.getByRole('link', { name: 'Files in flight' }).click();
    const item = page.locator(`[data-file="${file_id}"]`);
    await item.waitFor({ timeout: 10_000 });
    expect(await item.locator('[data-testid=file-progress]').getAttribute('data-value')).toBe('0');
    await shoot('files-queued');
    expect((await api('/rq/queues/file_processing/resume', { method: 'POST' })).status).toBe(200);
    await item.locator('[data-testid=file-progress][data-value="100"]').waitFor({ timeout: 60_000 });
    expect(await item.locator('[data-testid=file-status]').textContent()).toBe('completed');
    await shoot('files-completed');
    expect((await followed).file_id).toBe(file_id);
    expect(statuses.at(-1)).toMatchObject({ status: 'completed', progress: 100, chunking: { status: 'completed' } });
  });

  it('shows the alert of a failed job, requeues it from its detail after confirmation, and the job then runs to the end', async () => {
    const { page } = browser;
    const uploads = join(system.config.dataDir, 'uploads');
    expect((await api('/rq/queues/file_processing/pause', { method: 'POST' })).status).toBe(200);
    const before = new Set(readdirSync(uploads));
    const { file_id, job_id } = await upload('vanishing.txt', `${TEXT}This blob goes missing before its job runs.\n`);
    const blob = readdirSync(uploads).find((name) => !before.has(name));
    expect(blob).toBeDefined();
    renameSync(join(uploads, blob!), join(uploads, `${blob}.away`));
    expect((await api('/rq/queues/file_processing/resume', { method: 'POST' })).status).toBe(200);
    await waitFor(async () => (await jobStatus(job_id)) === 'failed', 30_000, 200);
    renameSync(join(uploads, `${blob}.away`), join(uploads, blob!));

    // Failing for good fired an alert, which the overview lists.
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.locator('[data-testid=fired-alerts]', { hasText: job_id }).waitFor({ timeout: 15_000 });
    await shoot('overview-alert');
    await page.getByRole('link', { name: 'Jobs' }).click();
    await page.getByTestId('status-filter').selectOption('failed');
    await page.locator(`[data-testid=jobs] tr[data-job="${job_id}"] button`).click();
    await page.locator('[data-testid=job-detail] [data-testid=job-error]').waitFor({ timeout: 10_000 });
    await shoot('job-failed');
    // By keyboard: the action button, then the dialog's focused Confirm.
    await page.getByTestId('requeue').focus();
    await page.keyboard.press('Enter');
    await page.locator('dialog[open]').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=action-outcome]').waitFor();
    expect(await page.locator('[data-testid=action-outcome]').textContent()).toMatch(/Requeue job .*"previous_status":"failed"/);
    await page.locator('[data-testid=job-status]', { hasText: 'finished' }).waitFor({ timeout: 60_000 });
    await shoot('job-requeued-finished');

    expect(await jobStatus(job_id)).toBe('finished');
    const file = (await (await api(`/files/${file_id}/status`)).json()) as { data: { status: string; progress: number } };
    expect(file.data).toMatchObject({ status: 'completed', progress: 100 });
  });

  it('keeps per-minute history of finished and failed jobs for 60 minutes and 24 hours (admins only)', async () => {
    const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
    type Throughput = { data: { bucket_minutes: number; queues: Record<string, { finished: number[]; failed: number[] }> } };
    const hour = (await (await api('/monitor/throughput?window=60')).json()) as Throughput;
    const day = (await (await api('/monitor/throughput?window=1440')).json()) as Throughput;
    for (const [window, body, buckets] of [[60, hour, 60], [1440, day, 144]] as const) {
      const files = body.data.queues.file_processing;
      expect({ window, buckets: files.finished.length }).toEqual({ window, buckets });
      expect(total(files.finished)).toBeGreaterThanOrEqual(2); // the followed file and the requeued one
      expect(total(files.failed)).toBeGreaterThanOrEqual(1); // the vanished blob's first run
    }
    expect(day.data.bucket_minutes).toBe(10);
    expect((await api('/monitor/throughput?window=0')).status).toBe(400);
    const { token: userToken } = await registerAndLogin(system);
    for (const path of ['/monitor/throughput', '/monitor/alerts']) {
      const res = await fetch(`${base}/api/v1${path}`, { headers: { Authorization: `Bearer ${userToken}` } });
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
    }
  });

  it('fits a narrow window: nothing wider than the screen, every view reachable', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    for (const view of ['Overview', 'Workers', 'Jobs', 'Files in flight']) {
      await page.getByRole('link', { name: view }).click();
      await page.locator('main section h1').waitFor();
      await page.locator('[aria-busy=true]').waitFor({ state: 'detached', timeout: 10_000 });
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      expect({ view, overflow }).toEqual({ view, overflow: 0 });
      await shoot(`narrow-${view.split(' ')[0].toLowerCase()}`);
    }
  });

  it('keeps the session alive by refreshing the short-lived access token', async () => {
    // The panel refreshes 2 s before its 10 s token expires; on a fast run the steps above take less than that.
    await waitFor(() => refreshes >= 1, 20_000, 200);
    await browser.page.getByRole('button', { name: 'Sign out' }).waitFor();
  });

  it('signs out: back to the sign-in form, the session is gone from the tab and its token is revoked', async () => {
    const { page } = browser;
    const stored = await page.evaluate<string | null>("sessionStorage.getItem('docai-monitor-session')");
    const panelToken = (JSON.parse(stored ?? '{}') as { tokens?: { access_token?: string } }).tokens?.access_token;
    expect(panelToken).toBeDefined();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').waitFor();
    expect(await page.evaluate<string | null>("sessionStorage.getItem('docai-monitor-session')")).toBeNull();
    const me = await fetch(`${base}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${panelToken}` } });
    expect(me.status).toBe(401);
  });

  it('saw no console error and no failed request', () => {
    expect(browser.problems).toEqual([]);
  });
});
