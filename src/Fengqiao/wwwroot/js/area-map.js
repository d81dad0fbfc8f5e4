// Draws an area's children on a Leaflet map from the app's own GeoJSON. With no tile server
// configured (police intranets), the boundaries are drawn on a blank background.
(function () {
    const el = document.getElementById('area-map');
    if (!el || !window.L) { return; }
    const map = L.map(el, { attributionControl: false });
    if (el.dataset.tiles) { L.tileLayer(el.dataset.tiles, { maxZoom: 19 }).addTo(map); }
    const zh = el.dataset.lang === 'zh';
    let bounds = null;
    if (el.dataset.self) {
        const self = L.geoJSON(JSON.parse(el.dataset.self), { style: { color: '#0d6efd', weight: 2, fill: false } }).addTo(map);
        bounds = self.getBounds();
    }
    fetch(el.dataset.children, { credentials: 'same-origin' })
        .then(r => r.ok ? r.json() : { features: [] })
        .then(data => {
            const layer = L.geoJSON(data, {
                style: { color: '#198754', weight: 1, fillOpacity: 0.15 },
                onEachFeature: (f, l) => {
                    l.bindTooltip(zh ? f.properties.nameZh : f.properties.nameEn);
                    l.on('click', () => { window.location.href = '/areas/' + f.properties.code; });
                }
            }).addTo(map);
            const b = data.features.length ? layer.getBounds() : bounds;
            if (b && b.isValid()) { map.fitBounds(b); } else { map.setView([43.8, 126.0], 6); }
        });
})();
