// The skip link moves keyboard focus to the main content. Handled here (capture phase, before Blazor's
// link interception) because a fragment link would otherwise be treated as a navigation.
document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
    if (!link) {
        return;
    }
    event.preventDefault();
    event.stopPropagation();
    const main = document.getElementById('main-content');
    main?.focus();
    main?.scrollIntoView();
}, true);

// A data table wider than a phone scrolls inside its own box (css/theme.css); keyboard users reach it with Tab
// to scroll it with the arrow keys. Only tables that actually overflow become a tab stop.
(() => {
    let queued = false;
    const mark = () => {
        queued = false;
        for (const table of document.querySelectorAll('table.data-table')) {
            const scrolls = table.scrollWidth > table.clientWidth + 1;
            if (scrolls && !table.hasAttribute('tabindex')) {
                table.setAttribute('tabindex', '0');
            } else if (!scrolls && table.getAttribute('tabindex') === '0') {
                table.removeAttribute('tabindex');
            }
        }
    };
    const queue = () => { if (!queued) { queued = true; requestAnimationFrame(mark); } };
    new MutationObserver(queue).observe(document.documentElement, { childList: true, subtree: true });
    window.addEventListener('resize', queue);
    queue();
})();

// A print button (data-print) opens the browser's print dialog. Bound here, not in an onclick attribute, because the
// Content-Security-Policy runs no inline script.
document.addEventListener('click', event => {
    if (event.target instanceof Element && event.target.closest('[data-print]')) {
        window.print();
    }
});
