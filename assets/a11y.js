/* Accessibility of Dash's own components, mended as they render (served from /assets; checked by axe-core in
   tests/browser/test_accessibility.py):
   - radio and check lists are a named group of native inputs, not a listbox of "options" holding inputs;
   - a dropdown's focus relay (the keyboard's way in, passing the focus to its button) is named, not hidden;
   - a range slider's number boxes are named after the slider's label (from / to), an upload's file input after
     its drop zone. */
(function () {
  function nameBefore(el) {
    const prev = el.previousElementSibling;
    const label = el.id && document.querySelector('label[for="' + el.id + '"]');
    return ((label || prev) ? (label || prev).textContent : el.textContent).trim();
  }

  function mend() {
    document.querySelectorAll('[role="listbox"]').forEach(list => {
      const input = list.querySelector(':scope > .dash-options-list-option input');
      if (!input) return;
      list.setAttribute('role', input.type === 'radio' ? 'radiogroup' : 'group');
      if (!list.hasAttribute('aria-label')) list.setAttribute('aria-label', nameBefore(list));
    });
    document.querySelectorAll('.dash-options-list-option[role="option"]').forEach(option => {
      if (option.querySelector('input')) {
        option.removeAttribute('role');
        option.removeAttribute('aria-selected');
      }
    });
    document.querySelectorAll('input.dash-dropdown-focus-target[aria-hidden]').forEach(relay => {
      const wrapper = relay.closest('.dash-dropdown-wrapper') || relay.parentElement;
      const owner = wrapper.querySelector('[id]');
      const label = owner && document.querySelector('label[for="' + owner.id + '"]');
      const prev = wrapper.previousElementSibling;
      relay.removeAttribute('aria-hidden');
      relay.setAttribute('aria-label', ((label || prev || wrapper).textContent || '').trim());
    });
    document.querySelectorAll('.dash-range-slider-input:not([aria-label])').forEach(box => {
      const slider = box.closest('[id]');
      const name = slider ? nameBefore(slider) : '';
      const end = box.classList.contains('dash-range-slider-min-input') ? '起 from' : '止 to';
      box.setAttribute('aria-label', (name ? name + ' · ' : '') + end);
    });
    document.querySelectorAll('input[type="file"]:not([aria-label])').forEach(file => {
      file.setAttribute('aria-label', (file.parentElement.textContent || '').trim() || '文件 File');
    });
  }

  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; mend(); });
  }).observe(document.documentElement, {childList: true, subtree: true});
})();
