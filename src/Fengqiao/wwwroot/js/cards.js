// Lists as cards on a phone (see site.css): each cell is labelled with its column's header, and a
// row whose only way onward is a link gets that link again as a full-width button ("the next action").
(function () {
    var openLabel = document.body.getAttribute('data-open-label') || 'Open';
    document.querySelectorAll('main table.table').forEach(function (table) {
        var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
            return th.textContent.replace(/[▲▼]/g, '').trim();
        });
        table.querySelectorAll('tbody tr').forEach(function (row) {
            var cells = row.querySelectorAll('td');
            if (cells.length === 1 && cells[0].colSpan > 1) { return; }
            cells.forEach(function (td, i) {
                if (headers[i] && !td.hasAttribute('data-label')) { td.setAttribute('data-label', headers[i]); }
            });
            var link = row.querySelector('a[href]:not([href^="#"])');
            if (!link || row.querySelector('button, .btn, form')) { return; }
            var action = document.createElement('td');
            action.className = 'card-action d-sm-none';
            var button = document.createElement('a');
            button.className = 'btn btn-outline-primary w-100';
            button.href = link.getAttribute('href');
            button.textContent = openLabel;
            action.appendChild(button);
            row.appendChild(action);
        });
    });
})();
