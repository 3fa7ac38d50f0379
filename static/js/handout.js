// A handout's "Print" button: shown only when JavaScript can print.

for (const button of document.querySelectorAll('button[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
