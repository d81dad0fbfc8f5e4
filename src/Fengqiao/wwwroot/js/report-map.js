// The resident's report form: tapping the map marks the place (hidden inputs Input.Lat/Input.Lng)
// and a marker; with no tile server configured (police intranets) the map is a blank background.
// Also counts the description's characters.
(function () {
    const el = document.getElementById('report-map');
    const lat = document.getElementById('report-lat');
    const lng = document.getElementById('report-lng');
    const clear = document.getElementById('report-map-clear');
    if (el && lat && lng && window.L) {
        const map = L.map(el, { attributionControl: false, tap: true });
        if (el.dataset.tiles) { L.tileLayer(el.dataset.tiles, { maxZoom: 19 }).addTo(map); }
        map.setView([parseFloat(el.dataset.lat) || 43.8, parseFloat(el.dataset.lng) || 126.0], parseInt(el.dataset.zoom, 10) || 6);
        // Leaflet's default marker image is looked up from CSS; a circle marker needs no image.
        let marker = null;
        const place = (p) => {
            lat.value = p.lat.toFixed(6);
            lng.value = p.lng.toFixed(6);
            if (marker) { marker.setLatLng(p); } else { marker = L.circleMarker(p, { radius: 9, color: '#dc3545', fillOpacity: 0.6 }).addTo(map); }
        };
        if (lat.value && lng.value) {
            place(L.latLng(parseFloat(lat.value), parseFloat(lng.value)));
        }
        map.on('click', (e) => place(e.latlng));
        if (clear) {
            clear.addEventListener('click', () => {
                lat.value = '';
                lng.value = '';
                if (marker) { map.removeLayer(marker); marker = null; }
            });
        }
    }
    const text = document.getElementById('Input_Description');
    const count = document.getElementById('description-count');
    if (text && count) {
        const max = parseInt(count.dataset.max, 10) || 4000;
        const show = () => { count.textContent = text.value.length + ' / ' + max; };
        text.addEventListener('input', show);
        show();
    }
})();
