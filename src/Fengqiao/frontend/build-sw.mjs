// Builds wwwroot/sw.js with Workbox from npm (no CDN): copies the Workbox runtime into wwwroot/lib/workbox
// and injects the precache list (the staff app shell) into sw.src.js. Run by the csproj's ServiceWorker target.
import { copyWorkboxLibraries, injectManifest } from 'workbox-build';
import { readFile, writeFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../wwwroot/', import.meta.url).pathname;
await rm(root + 'lib/workbox', { recursive: true, force: true });
const dir = await copyWorkboxLibraries(root + 'lib/workbox');
const source = (await readFile(new URL('sw.src.js', import.meta.url), 'utf8')).replaceAll('__WORKBOX_DIR__', '/lib/workbox/' + dir + '/');
const temp = await mkdtemp(join(tmpdir(), 'fengqiao-sw-'));
await writeFile(join(temp, 'sw.src.js'), source);
try {
    const { count, size, warnings } = await injectManifest({
        swSrc: join(temp, 'sw.src.js'),
        swDest: root + 'sw.js',
        globDirectory: root,
        // The app shell: what every staff page loads. Charts (ECharts) and maps (Leaflet) are not in it.
        globPatterns: [
            'css/site.css', 'js/cards.js', 'js/field.js', 'js/drafts.js',
            'lib/bootstrap/bootstrap.min.css', 'lib/bootstrap/bootstrap.bundle.min.js', 'lib/dexie/dexie.min.js',
            'manifest.webmanifest', 'icons/*',
            'lib/workbox/' + dir + '/workbox-{sw,core,precaching,routing,strategies,expiration}.prod.js',
        ],
    });
    for (const w of warnings) console.warn(w);
    console.log(`sw.js: ${count} files precached, ${size} bytes`);
} finally {
    await rm(temp, { recursive: true, force: true });
}
