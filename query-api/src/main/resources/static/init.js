import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';

initAll();

// A page that offers to be printed (the review bundle) does it from a button: the page's policy allows no inline script.
document.querySelectorAll('[data-print]').forEach((button) => button.addEventListener('click', () => window.print()));
