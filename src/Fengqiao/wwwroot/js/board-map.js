// Draws a community's boundary (and its police station) on the public board's Leaflet map.
// With no tile server configured, the boundary is drawn on a blank background.
(function () {
    const el = document.getElementById('board-map');
    if (!el || !window.L) { return; }
    const map = L.map(el, { attributionControl: false });
    if (el.dataset.tiles) { L.tileLayer(el.dataset.tiles, { maxZoom: 19 }).addTo(map); }
    let bounds = null;
    if (el.dataset.boundary) {
        try {
            const shape = L.geoJSON(JSON.parse(el.dataset.boundary), { style: { color: '#0d6efd', weight: 2, fillOpacity: 0.1 } }).addTo(map);
            bounds = shape.getBounds();
        } catch (e) { bounds = null; }
    }
    const lat = parseFloat(el.dataset.stationLat);
    const lng = parseFloat(el.dataset.stationLng);
    if (!isNaN(lat) && !isNaN(lng)) {
        const station = L.circleMarker([lat, lng], { radius: 7, color: '#dc3545', fillOpacity: 0.9 }).addTo(map);
        if (el.dataset.stationName) { station.bindTooltip(el.dataset.stationName); }
        if (!bounds || !bounds.isValid()) { bounds = L.latLngBounds([[lat, lng], [lat, lng]]).pad(0.01); }
    }
    if (bounds && bounds.isValid()) { map.fitBounds(bounds); } else { map.setView([43.8, 126.0], 6); }
})();
