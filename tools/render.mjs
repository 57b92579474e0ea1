// Renders every BPMN model in processes/ to docs/processes/<name>.svg with bpmn-js, in headless
// Debian Chromium. Each SVG starts with the SHA-256 of the model it was drawn from, so a test can
// tell when a model changed and its picture did not. Run: npm --prefix tools run render
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const viewer = readFileSync(join(here, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'diagrams-'));

const unescapeHtml = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
  .replace(/&#39;/g, "'").replace(/&amp;/g, '&');

try {
  for (const file of readdirSync(join(root, 'processes')).filter((f) => f.endsWith('.bpmn')).sort()) {
    const xml = readFileSync(join(root, 'processes', file), 'utf8');
    const sha = createHash('sha256').update(xml).digest('hex');
    const page = join(work, basename(file, '.bpmn') + '.html');
    writeFileSync(page, `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<div id="canvas" style="width:2400px;height:1200px"></div>
<script>${viewer}</script>
<script>
  (async () => {
    const viewer = new BpmnJS({ container: '#canvas' });
    await viewer.importXML(${JSON.stringify(xml)});
    const { svg } = await viewer.saveSVG();
    const out = document.createElement('pre');
    out.id = 'svg';
    out.textContent = svg;
    document.body.replaceChildren(out);
  })().catch((e) => { document.body.textContent = 'RENDER-ERROR ' + e.message; });
</script></body></html>`);
    const dom = execFileSync(chromium, ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${join(work, 'profile')}`, '--virtual-time-budget=15000', '--dump-dom', 'file://' + page],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
    const match = dom.match(/<pre id="svg">([\s\S]*?)<\/pre>/);
    if (!match) {
      throw new Error(`${file}: bpmn-js did not render (${dom.slice(0, 300)})`);
    }
    const svg = unescapeHtml(match[1]).replace(/^<\?xml[^>]*>\s*/, '');
    const target = join(root, 'docs', 'processes', basename(file, '.bpmn') + '.svg');
    writeFileSync(target, `<!-- rendered from processes/${file} sha256:${sha} by tools/render.mjs -->\n${svg}\n`);
    console.log(`${file} -> docs/processes/${basename(target)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
