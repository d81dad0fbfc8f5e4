// The staff app on a phone: installs the service worker (sw.js, Workbox) and keeps personal data on the
// device no longer than the session: cached pages and drafts go at sign-out, when another account signs in
// on this browser, and once the session's absolute lifetime (data-session-hours) has passed since sign-in.
(function () {
    var body = document.body;
    var user = body.getAttribute('data-user');
    var hours = Number(body.getAttribute('data-session-hours') || '12');
    var KEY = 'fengqiao-session';

    function wipe() {
        try { localStorage.removeItem(KEY); } catch (e) { /* private mode */ }
        var jobs = [];
        if (window.caches) { jobs.push(caches.delete('fengqiao-pages')); }
        if (window.indexedDB) {
            jobs.push(new Promise(function (done) {
                var r = indexedDB.deleteDatabase('fengqiao-drafts');
                r.onsuccess = r.onerror = r.onblocked = function () { done(); };
            }));
        }
        return Promise.all(jobs);
    }
    window.fengqiaoWipe = wipe;

    // The sign-in form marks the next signed-in page as the start of a session.
    document.querySelectorAll('form[action*="login"], form#login-form').forEach(function (f) {
        f.addEventListener('submit', function () { try { sessionStorage.setItem('fengqiao-signing-in', '1'); } catch (e) { /* ignore */ } });
    });

    if (!user) { return; }
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(KEY) || 'null'); } catch (e) { saved = null; }
    var fresh = false;
    try { fresh = sessionStorage.getItem('fengqiao-signing-in') === '1'; sessionStorage.removeItem('fengqiao-signing-in'); } catch (e) { /* ignore */ }
    var ready = Promise.resolve();
    if (saved && (saved.user !== user || Date.now() - saved.since > hours * 3600 * 1000)) {
        ready = wipe();
        saved = null;
    }
    if (!saved || (fresh && saved.user !== user)) {
        saved = { user: user, since: Date.now() };
    } else if (fresh) {
        saved.since = Date.now();
    }
    try { localStorage.setItem(KEY, JSON.stringify(saved)); } catch (e) { /* ignore */ }
    window.fengqiaoReady = ready;

    if ('serviceWorker' in navigator) {
        ready.then(function () { navigator.serviceWorker.register('/sw.js'); });
    }

    // Sign-out: warn when drafts are still waiting, then wipe before the form goes.
    document.querySelectorAll('form[action$="/account/logout"], form#sign-out').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            if (form.dataset.wiped) { return; }
            event.preventDefault();
            var pending = window.fengqiaoDrafts ? window.fengqiaoDrafts.count() : Promise.resolve(0);
            pending.then(function (n) {
                if (n > 0 && !window.confirm((form.getAttribute('data-confirm') || '{0}').replace('{0}', n))) { return; }
                return wipe().then(function () { form.dataset.wiped = '1'; form.submit(); });
            });
        });
    });
})();
