// Opens the Neo4j Browser that SkillGraph serves in Debian's Chromium, as a new user does: nothing is typed or
// pasted. Checks that Browser connected, applied the SkillGraph style and opened the SkillGraph guide by itself, then
// clicks the play icon of the guide's first slide and prints what was drawn as JSON. Usage:
//   node neo4j-browser.mjs <browser-url> <screenshot.png>
import { chromium } from 'playwright-core';

const [url, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const failed = [];
  // Only SkillGraph's own content counts: Browser also tries fonts and telemetry hosts this machine cannot reach.
  page.on('requestfailed', (request) => {
    if (request.url().includes('/browser/style.grass') || request.url().includes('/browser/guide.html')) {
      failed.push(`${request.url()} ${request.failure()?.errorText}`);
    }
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.getByText('Connected to Neo4j').first().waitFor({ timeout: 60000 });
  const drawer = page.locator('[data-testid="guidesDrawer"]');
  await drawer.getByText('What must I learn before X?').first().waitFor({ timeout: 30000 });
  await page.waitForFunction(() => (localStorage.getItem('neo4j.grass') || '').includes('#4C8EDA'), null,
    { timeout: 30000 });
  const guide = {
    title: (await drawer.innerText()).split('\n').map((line) => line.trim()).find((line) => line.length > 0),
    firstSlide: (await drawer.locator('pre.runnable').allInnerTexts()).slice(0, 2).join('\n'),
  };
  // The guide's own run clicks: the play icons of the first slide's blocks, its :param, then its query.
  await drawer.locator('pre.runnable').nth(0).locator('i.fa-play-circle-o').click();
  await page.getByText('"goal": "fine-tuning-peft"').first().waitFor({ timeout: 15000 });
  await drawer.locator('pre.runnable').nth(1).locator('i.fa-play-circle-o').click();
  await page.locator('svg g.node').first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(3000); // let the layout settle before counting and the screenshot
  const drawn = await page.evaluate(() => ({
    connected: document.body.innerText.includes('Connected to Neo4j'),
    storedStyle: JSON.parse(localStorage.getItem('neo4j.grass') || '{}'),
    nodes: document.querySelectorAll('svg g.node').length,
    relationships: document.querySelectorAll('svg g.relationship').length,
    captions: Array.from(document.querySelectorAll('svg g.node')).map((node) =>
      Array.from(node.querySelectorAll('text.caption')).map((t) => t.textContent.trim()).join(' ')),
    colours: Array.from(new Set(Array.from(document.querySelectorAll('svg g.node circle.b-outline'))
      .map((c) => c.getAttribute('fill')))),
    relationshipColours: Array.from(new Set(Array.from(document.querySelectorAll('svg g.relationship path.b-outline'))
      .map((p) => p.getAttribute('fill')))),
  }));
  await page.screenshot({ path: screenshot });
  console.log(JSON.stringify({ ...drawn, guide, failed }));
} finally {
  await browser.close();
}
