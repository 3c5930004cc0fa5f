// Renders every diagram in processes/ into docs/diagrams/<name>.svg and .png with bpmn-js (from
// node_modules) in Debian's Chromium, headless; puppeteer-core drives it and downloads no browser.
//
//   npm ci && npm run render                 # or: node tools/render-diagrams.mjs [file.bpmn ...]
//   CHROMIUM=/path/to/chromium npm run render
//
// The SVG is bpmn-js's own export (scales without loss, diffs as text); the PNG is a screenshot of the
// same rendering at up to MAX_WIDTH pixels, for viewers that show no SVG.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'docs', 'diagrams');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const MARGIN = 20;
const MAX_WIDTH = 8000; // scale 1 for every diagram here: smaller, the 11 px labels are no longer legible

const diagrams = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(path.join(root, 'processes')).filter((f) => f.endsWith('.bpmn')).map((f) => path.join(root, 'processes', f));

const viewerScript = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
const styles = ['bpmn-js/dist/assets/diagram-js.css', 'bpmn-js/dist/assets/bpmn-js.css'].map((s) => require.resolve(s));

mkdirSync(out, { recursive: true });
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking']
});
try {
  for (const file of diagrams) {
    const name = path.basename(file, '.bpmn');
    const page = await browser.newPage();
    await page.setViewport({ width: 1600, height: 1000 });
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head>'
      + '<body style="margin:0;background:#fff"><div id="canvas" style="width:100vw;height:100vh"></div></body></html>');
    for (const style of styles) {
      await page.addStyleTag({ path: style });
    }
    await page.addScriptTag({ path: viewerScript });
    const xml = readFileSync(file, 'utf8');
    const result = await page.evaluate(async (diagramXml) => {
      const viewer = new window.BpmnJS({ container: '#canvas' });
      const { warnings } = await viewer.importXML(diagramXml);
      const { svg } = await viewer.saveSVG();
      const box = viewer.get('canvas').viewbox().inner;
      window.viewer = viewer;
      return { svg, box, warnings: warnings.map((w) => w.message) };
    }, xml);
    if (result.warnings.length) {
      console.warn(`${name}: ${result.warnings.length} import warning(s):\n  ${result.warnings.join('\n  ')}`);
    }
    writeFileSync(path.join(out, `${name}.svg`), result.svg);

    // the PNG: the whole diagram at scale 1 (or smaller, up to MAX_WIDTH), with a small margin
    const scale = Math.min(1, MAX_WIDTH / (result.box.width + 2 * MARGIN));
    const width = Math.ceil((result.box.width + 2 * MARGIN) * scale);
    const height = Math.ceil((result.box.height + 2 * MARGIN) * scale);
    await page.setViewport({ width, height, deviceScaleFactor: 1 });
    await page.evaluate((box, margin, s) => {
      const canvas = window.viewer.get('canvas');
      canvas.resized();
      canvas.viewbox({ x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin });
    }, result.box, MARGIN, scale);
    await page.screenshot({ path: path.join(out, `${name}.png`), clip: { x: 0, y: 0, width, height } });
    console.log(`${name}: docs/diagrams/${name}.svg, docs/diagrams/${name}.png (${width}×${height})`);
    await page.close();
  }
} finally {
  await browser.close();
}
