/* The staff app's service worker (built by build-sw.mjs with Workbox from npm; served by the app itself).
   Shell from the precache; the officer's own worklists and draft forms network-first with a cached copy
   for reading offline; charts and maps kept once a page that draws them has fetched them. */
/* global workbox */
importScripts('__WORKBOX_DIR__workbox-sw.js');
workbox.setConfig({ modulePathPrefix: '__WORKBOX_DIR__', debug: false });

const { precacheAndRoute } = workbox.precaching;
const { registerRoute, setCatchHandler } = workbox.routing;
const { NetworkFirst, CacheFirst } = workbox.strategies;
const { ExpirationPlugin } = workbox.expiration;

// Pages hold personal data: kept no longer than a session may last (SessionOptions.AbsoluteHours, 12 h),
// and wiped by field.js at sign-out.
const PAGES = 'fengqiao-pages';
const worklists = /^\/(disputes|disputes\/new|dangers|dangers\/new|dangers\/\d+|visits|visits\/new|households|tips|patrols|campaigns|supervision|portal\/tip|portal\/patrol)?$/;

precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/^v$/] });

// Only a page the server really served is kept: never a redirect to the sign-in page or an error.
const onlyRealPages = { cacheWillUpdate: async ({ response }) => (response && response.ok && !response.redirected ? response : null) };
registerRoute(
    ({ request, url }) => request.mode === 'navigate' && url.origin === self.location.origin && worklists.test(url.pathname),
    new NetworkFirst({
        cacheName: PAGES,
        networkTimeoutSeconds: 4,
        plugins: [onlyRealPages, new ExpirationPlugin({ maxEntries: 80, maxAgeSeconds: 12 * 3600 })],
    }));
registerRoute(
    ({ url }) => url.origin === self.location.origin && /^\/lib\/(echarts|leaflet)\//.test(url.pathname),
    new CacheFirst({ cacheName: 'fengqiao-libs', plugins: [new ExpirationPlugin({ maxEntries: 20 })] }));

// Offline on a page never opened before: the cached worklist home rather than the browser's dinosaur.
setCatchHandler(async ({ request }) => {
    if (request.mode === 'navigate') {
        const cache = await caches.open(PAGES);
        return (await cache.match('/')) || Response.error();
    }
    return Response.error();
});

self.addEventListener('message', event => {
    if (event.data === 'wipe') {
        event.waitUntil(caches.delete(PAGES));
    }
});
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));
