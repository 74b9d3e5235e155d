// Opens the Neo4j Browser that SkillGraph serves in Debian's Chromium, checks that it connected, loads the
// SkillGraph style, runs one query, and prints what was drawn as JSON. Usage:
//   node neo4j-browser.mjs <browser-url> <style.grass> <query> <screenshot.png>
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [url, styleFile, query, screenshot] = process.argv.slice(2);
const style = readFileSync(styleFile, 'utf8').replace(/\s+/g, ' ').trim();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.getByText('Connected to Neo4j').first().waitFor({ timeout: 60000 });
  const run = async (text) => {
    const editor = page.locator('.monaco-editor').first();
    await editor.click();
    await page.keyboard.type(text);
    await page.keyboard.press('Control+Enter');
  };
  await run(`:style ${style}`); // the style sheet's text, as a user pastes it
  await page.waitForTimeout(1500);
  await run(query);
  await page.locator('svg g.node').first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(3000); // let the layout settle before counting and the screenshot
  const drawn = await page.evaluate(() => ({
    connected: document.body.innerText.includes('Connected to Neo4j'),
    nodes: document.querySelectorAll('svg g.node').length,
    relationships: document.querySelectorAll('svg g.relationship').length,
    captions: Array.from(document.querySelectorAll('svg g.node text')).map((t) => t.textContent.trim()),
    colours: Array.from(new Set(Array.from(document.querySelectorAll('svg g.node circle.b-outline'))
      .map((c) => c.getAttribute('fill')))),
  }));
  await page.screenshot({ path: screenshot });
  console.log(JSON.stringify(drawn));
} finally {
  await browser.close();
}
