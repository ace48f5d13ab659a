// `npx tsx scripts/sitrep-example.ts`: the Azovstal situation report as of 6 May 2022, 15:00 Kyiv
// time, generated on a fresh embedded database and written to docs/sitrep/ (Markdown, full and
// public; the PDF; its pages rendered to PNG with pdf.js for the documentation).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadAzovstal } from '../src/scenario/azovstal.ts';
import { renderSitrep } from '../src/services/sitrep-render.ts';
import { openStore, resolveStoreOptions } from '../src/store/open.ts';
import { systemActor } from '../src/store/repos/operations.ts';

interface CanvasFactory {
  create(
    width: number,
    height: number,
  ): {
    canvas: { width: number; height: number; toBuffer(type: 'image/png'): Buffer };
    context: CanvasRenderingContext2D;
  };
}

const out = fileURLToPath(new URL('../docs/sitrep/', import.meta.url));
const at = new Date('2022-05-06T12:00:00Z');
const name = 'azovstal-2022-05-06';

async function renderPages(pdf: Buffer): Promise<void> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const viewport = page.getViewport({ scale: 1.5 });
    // In Node, pdf.js makes its canvases with @napi-rs/canvas (its own optional dependency): no browser.
    const factory = (document as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    context.fillStyle = 'white';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context, viewport })
      .promise;
    writeFileSync(join(out, `${name}-page-${n}.png`), canvas.toBuffer('image/png'));
  }
  await document.destroy();
}

const dir = mkdtempSync(join(tmpdir(), 'corridor-sitrep-'));
const db = await openStore(resolveStoreOptions({ dataDir: dir }, {}));
try {
  const { siteId } = await loadAzovstal(db, systemActor);
  mkdirSync(out, { recursive: true });
  const full = await renderSitrep(db, systemActor, siteId, { at, format: 'md', version: 'full' });
  writeFileSync(join(out, `${name}.md`), full.body);
  const open = await renderSitrep(db, systemActor, siteId, { at, format: 'md', version: 'public' });
  writeFileSync(join(out, `${name}-public.md`), open.body);
  const pdf = await renderSitrep(db, systemActor, siteId, { at, format: 'pdf', version: 'full' });
  writeFileSync(join(out, `${name}.pdf`), pdf.body);
  await renderPages(pdf.body as Buffer);
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}

// In the project's own layout (aligned tables), so that `npm run lint` accepts the files as written.
const markdown = [`${name}.md`, `${name}-public.md`].map((file) => join(out, file));
const formatted = spawnSync('npx', ['biome', 'format', '--write', ...markdown], { stdio: 'inherit' });
if (formatted.status !== 0) process.exit(formatted.status ?? 1);
