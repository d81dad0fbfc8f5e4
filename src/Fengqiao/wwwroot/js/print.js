// The report's print button (no inline handlers: the CSP forbids them).
document.getElementById('print')?.addEventListener('click', () => window.print());
