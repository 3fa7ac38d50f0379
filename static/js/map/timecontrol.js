// The map's time control: a year slider from the earliest start to this
// year, Play and Pause, and Every year. Moving the slider (by pointer or
// the arrow, Home and End keys) shows that year at once; Play steps
// through the years from the first; Every year clears the year. With
// reduced motion, Play steps more slowly (and the map does not animate:
// main.js reads `reduced`).

export class TimeControl {
  /**
   * @param {HTMLFormElement} form the map's form, holding the slider named year
   * @param {number[]} years the years the slider offers, first to last
   * @param {() => unknown} changed called whenever the year changes
   * @param {boolean} reduced whether the reader prefers reduced motion
   */
  constructor(form, years, changed, reduced) {
    this.slider = /** @type {HTMLInputElement} */ (form.elements.namedItem('year'));
    this.slider.min = String(years[0]);
    this.slider.max = String(years[years.length - 1]);
    this.slider.value = this.slider.max;
    this.anyYear = true;
    this.changed = changed;
    this.reduced = reduced;
    this.timer = 0;
  }

  /** The year shown, or null for every year. */
  year() { return this.anyYear ? null : Number(this.slider.value); }

  /** Takes the year from the address (year=), when it is one the slider offers. */
  read(params) {
    const year = Number(params.get('year'));
    this.anyYear = !(year >= Number(this.slider.min) && year <= Number(this.slider.max));
    this.slider.value = this.anyYear ? this.slider.max : String(year);
    this.show();
  }

  /** Says the year beside the slider, to assistive technology, and in the town table's caption. */
  show() {
    const text = this.anyYear ? 'every year' : this.slider.value;
    const out = document.getElementById('year-out');
    if (out) out.textContent = text;
    this.slider.setAttribute('aria-valuetext', text);
    const when = document.getElementById('towns-when');
    if (when) when.textContent = this.anyYear ? '' : `, running in ${text}`;
  }

  bind() {
    this.slider.addEventListener('input', () => { this.anyYear = false; this.show(); void this.changed(); });
    document.getElementById('all-years')?.addEventListener('click', () => {
      this.stop();
      this.anyYear = true;
      this.slider.value = this.slider.max;
      this.show();
      void this.changed();
    });
    document.getElementById('play')?.addEventListener('click', () => (this.timer ? this.stop() : this.play()));
  }

  play() {
    const slider = this.slider;
    if (this.anyYear || slider.value === slider.max) slider.value = slider.min;
    this.anyYear = false;
    this.pressed(true);
    const step = () => {
      this.show();
      void this.changed();
      if (slider.value === slider.max) { this.stop(); return; }
      this.timer = setTimeout(() => { slider.value = String(Number(slider.value) + 1); step(); }, this.reduced ? 2500 : 1200);
    };
    this.timer = -1;
    step();
  }

  stop() {
    clearTimeout(this.timer);
    this.timer = 0;
    this.pressed(false);
  }

  /** Shows the play button as Pause while playing, Play otherwise. */
  pressed(on) {
    const button = document.getElementById('play');
    if (!button) return;
    button.textContent = on ? 'Pause' : 'Play';
    button.setAttribute('aria-pressed', String(on));
  }
}
