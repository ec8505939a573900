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

// A print button (data-print) opens the browser's print dialog. Bound here, not in an onclick attribute, because the
// Content-Security-Policy runs no inline script.
document.addEventListener('click', event => {
    if (event.target instanceof Element && event.target.closest('[data-print]')) {
        window.print();
    }
});
