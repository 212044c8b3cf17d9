import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { Baseline } from '../baseline/baseline-schema';
import { QualityError } from '../errors/quality-error';
import { buildReport } from './build-report';
import { renderReportHtml } from './render-html';
import { sampleProjects } from '../test-support/sample-inputs';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '../../../../tmp/artifacts');

if (!existsSync(CHROMIUM)) {
  // Fail loudly rather than skip: the HTML report's safety is only proven in a real browser.
  describe('index.html in headless Chromium', () => {
    it('needs Chromium', () => {
      throw new QualityError('CHROMIUM_MISSING', `${CHROMIUM} is not installed, so the HTML report cannot be checked in a real browser.`, {
        hint: 'Install it with `apt-get install -y chromium` (CI: add that to .ci/run).',
      });
    });
  });
} else {
  describe('index.html in headless Chromium', () => {
    let browser: Browser;
    let dir: string;
    let url: string;

    beforeAll(async () => {
      const baseline: Baseline = { schemaVersion: 1, directions: { 'lint.errors': 'lower', 'coverage.lines': 'higher' }, projects: { alpha: { 'lint.errors': 241, 'coverage.lines': 75 } } };
      const report = buildReport({
        generatedAt: '2026-01-02T03:04:05.000Z',
        producer: 'hook',
        projects: sampleProjects(),
        baseline: { file: 'quality-baseline.json', state: 'ok', value: baseline },
      });
      dir = mkdtempSync(join(tmpdir(), 'nxq-html-'));
      writeFileSync(join(dir, 'index.html'), renderReportHtml(report));
      url = pathToFileURL(join(dir, 'index.html')).href;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('renders charts, sorts the project table, never runs injected script and loads nothing from the network', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      const cspViolations: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (/Content Security Policy/.test(message.text())) cspViolations.push(message.text());
      });
      await page.goto(url);

      // Injected markup is shown as text and never executed.
      expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('body').innerText()).toContain('<script>window.__pwned = 1</script>');

      // Charts render with real geometry.
      for (const id of ['chart-coverage', 'chart-errors', 'chart-deltas']) {
        const box = await page.locator(`#${id}`).boundingBox();
        expect(box?.width).toBeGreaterThan(100);
        expect(box?.height).toBeGreaterThan(10);
      }
      expect(await page.locator('#chart-coverage rect.seg-bad, #chart-coverage rect.seg-warn, #chart-coverage rect.seg-good').count()).toBe(3);
      const barWidth = await page.locator('#chart-coverage rect.seg-good').first().getAttribute('width');
      expect(Number(barWidth)).toBeGreaterThan(0);

      // Sorting: coverage ascending, then descending (projects without coverage sort first ascending).
      const names = () => page.locator('#projects tbody tr').evaluateAll((rows) => rows.map((r) => (r as unknown as { getAttribute(name: string): string | null }).getAttribute('data-project')));
      expect(await names()).toEqual(['alpha', 'beta', 'delta', 'gamma']);
      await page.locator('#projects th button', { hasText: 'Coverage (lines)' }).click();
      expect(await names()).toEqual(['gamma', 'alpha', 'delta', 'beta']);
      await page.locator('#projects th button', { hasText: 'Coverage (lines)' }).click();
      expect(await names()).toEqual(['beta', 'delta', 'alpha', 'gamma']);
      await page.locator('#projects th button', { hasText: 'Project' }).click();
      expect(await names()).toEqual(['alpha', 'beta', 'delta', 'gamma']);
      expect(await page.locator('#projects th[aria-sort=ascending]').innerText()).toContain('Project');

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'quality-report.png'), fullPage: true });
      expect(existsSync(join(ARTIFACTS, 'quality-report.png'))).toBe(true);

      expect(errors).toEqual([]);
      expect(cspViolations).toEqual([]);
      expect(requests.filter((r) => !r.startsWith('file:'))).toEqual([]);
      await page.close();
    }, 60_000);

    it('blocks a script that escaping missed, through its Content Security Policy', async () => {
      const page = await browser.newPage();
      const html = renderReportHtml(buildReport({ generatedAt: '2026-01-02T03:04:05.000Z', producer: 'executor', projects: sampleProjects() }));
      // Simulate an escaping bug: splice a raw script into the page.
      writeFileSync(join(dir, 'tampered.html'), html.replace('<section class="cards">', '<script>window.__pwned = 3</script><section class="cards">'));
      await page.goto(pathToFileURL(join(dir, 'tampered.html')).href);
      expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      // The page's own script still runs.
      await page.locator('#projects th button', { hasText: 'Failed' }).click();
      expect(await page.locator('#projects th[aria-sort=ascending]').count()).toBe(1);
      await page.close();
    }, 60_000);
  });
}
