// Places a venue by its postcode in the editor, instead of typing degrees:
// the "venue-place" field type of a venue's coordinates. The postcode is
// looked up in the site's own postcode data, /data/postcodes/<OUTWARD>.json
// (a list of [inward code, longitude, latitude, district], as the build
// writes it for the directory's postcode search), so nothing leaves the site; the position can still be given in degrees.
// Loaded after the CMS bundle on /admin/.
(function () {
  const cms = window.CMS;
  const h = window.h;
  if (!cms || typeof cms.registerFieldType !== 'function' || typeof h !== 'function' || typeof window.createClass !== 'function') return;

  const normal = (s) => String(s || '').toUpperCase().replace(/\s+/g, '');
  const spaced = (s) => (s.length > 3 ? s.slice(0, -3) + ' ' + s.slice(-3) : s);

  async function lookup(postcode) {
    const p = normal(postcode);
    if (p.length < 5) return null;
    const outward = p.slice(0, -3);
    const res = await fetch('/data/postcodes/' + encodeURIComponent(outward) + '.json');
    if (!res.ok) return null;
    const shard = await res.json();
    const inward = p.slice(-3);
    const hit = Array.isArray(shard) ? shard.find((r) => Array.isArray(r) && r[0] === inward) : null;
    return hit && typeof hit[1] === 'number' && typeof hit[2] === 'number' ? [hit[1], hit[2]] : null;
  }

  const VenuePlace = window.createClass({
    getInitialState() { return { postcode: '', message: '' }; },
    value() {
      const v = this.props.value;
      const a = v && typeof v.toJS === 'function' ? v.toJS() : v;
      return Array.isArray(a) ? a : [];
    },
    find(ev) {
      if (ev) ev.preventDefault();
      const pc = this.state.postcode;
      this.setState({ message: 'Looking up ' + pc + '…' });
      lookup(pc).then((pos) => {
        if (!pos) {
          this.setState({ message: 'The postcode ' + pc + ' is not in the site\u2019s postcode data: check it, or ask the network\u2019s staff.' });
          return;
        }
        this.props.onChange(pos);
        this.setState({ message: 'Placed at ' + spaced(normal(pc)) + '.' });
      }).catch(() => this.setState({ message: 'The postcode data could not be read.' }));
    },
    render() {
      const id = this.props.forID || 'venue-place';
      const [lon, lat] = this.value();
      return h('div', { className: 'venue-place' },
        h('label', { htmlFor: id }, 'Postcode of the venue'), ' ',
        h('input', { id, type: 'text', value: this.state.postcode, autoComplete: 'postal-code',
          onChange: (e) => this.setState({ postcode: e.target.value }),
          onKeyDown: (e) => { if (e.key === 'Enter') this.find(e); } }), ' ',
        h('button', { type: 'button', onClick: (e) => this.find(e) }, 'Place on the map'),
        h('p', { role: 'status', 'aria-live': 'polite' }, this.state.message),
        h('p', null, typeof lon === 'number' && typeof lat === 'number'
          ? 'Now at longitude ' + lon + ', latitude ' + lat + '.' : 'Not placed yet.'),
        h('details', null, h('summary', null, 'Or give the position in degrees'),
          this.degrees(id + '-lon', 'Longitude (east-west, for example -2.2446)', lon, (n) => [n, lat]),
          this.degrees(id + '-lat', 'Latitude (north-south, for example 51.8642)', lat, (n) => [lon, n])));
    },
    degrees(id, text, n, to) {
      return h('p', null, h('label', { htmlFor: id }, text), ' ',
        h('input', { id, type: 'number', step: 'any', defaultValue: typeof n === 'number' ? n : '',
          onChange: (e) => { const v = parseFloat(e.target.value); if (!isNaN(v)) this.props.onChange(to(v)); } }));
    },
  });

  cms.registerFieldType('venue-place', VenuePlace);
})();
