// Shows the editor's preview pane in the site's own styles and, for a
// provider's profile, in the profile page's layout: the same sections,
// headings, classes and wording as layouts/provider.html, with labels in
// place of ids (from /admin/labels.json, which the build writes). Loaded
// after the CMS bundle on /admin/, which defines window.CMS, window.h and
// window.createClass. What a section shows that the entry does not say
// says what the registry says for an unanswered question (labels.json).
(function () {
  const cms = window.CMS;
  if (!cms || typeof cms.registerPreviewStyle !== 'function') return;
  cms.registerPreviewStyle('/css/site.css');
  cms.registerPreviewStyle('/css/statuses.css');
  const h = window.h;
  if (typeof cms.registerPreviewTemplate !== 'function' || typeof h !== 'function' || typeof window.createClass !== 'function') return;

  let names = { labels: {}, terms: {}, answers: {} };
  const label = (id) => names.labels[id] || id;
  // The answers' words come from the registry, through labels.json.
  const said = (key) => (names.answers || {})[key] || key;
  const notStated = () => said('not_stated');
  const terms = (key, ids) => (ids || []).map((id) => (names.terms[key] || {})[id] || id).join(', ');
  const yesno = (b) => said(b === true ? 'yes' : b === false ? 'no' : 'not_stated');
  const fact = (dt, dd) => [h('dt', null, dt), h('dd', null, dd)];
  const listOrNot = (key, ids) => ((ids && ids.length) ? terms(key, ids) : notStated());
  const status = (s) => h('span', { className: 'status status-' + s }, h('span', { className: 'status-icon', 'aria-hidden': 'true' }), label(s));
  const ages = (lo, hi) => (lo > 0 && hi > 0 ? lo + ' to ' + hi : lo > 0 ? lo + ' and over' : hi > 0 ? 'up to ' + hi : notStated());
  const date = (d) => {
    const t = new Date(String(d || '').slice(0, 10) + 'T00:00:00Z');
    return isNaN(t) ? notStated().toLowerCase() : t.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  };
  const section = (id, title, ...children) => h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);

  function header(d) {
    const meta = [label(d.kind), ' · ', status(d.status)];
    if (d.since) meta.push(' · since ' + d.since);
    return h('header', { className: 'profile-header' }, h('h1', { id: 'profile-title' }, d.name || notStated()),
      h('p', { className: 'card-meta' }, ...meta), h('p', { className: 'lead' }, d.summary || ''));
  }

  function howToJoin(d) {
    const contact = d.publish_contact && (d.email || d.phone) ? [d.email, d.phone].filter(Boolean).join(', ') : 'See contact';
    return h('section', { className: 'how-to-join', 'aria-labelledby': 'how-to-join' }, h('h2', { id: 'how-to-join' }, 'How to refer or join'),
      h('dl', { className: 'facts' }, ...fact('Referral routes', listOrNot('referral', d.referral)),
        ...fact('Who can join', d.eligibility || notStated()), ...fact('Ages', ages(d.min_age, d.max_age)),
        ...(d.how_to_join ? fact('How to join', d.how_to_join) : []),
        ...(d.referral_form ? fact('Referral form', 'Fill in the referral form') : []),
        ...fact('Reply to a referral', d.reply_days ? 'Within ' + d.reply_days + ' working ' + (d.reply_days === 1 ? 'day' : 'days') : notStated()),
        ...fact('Contact', contact)));
  }

  function glance(d) {
    return section('at-a-glance', 'At a glance', h('dl', { className: 'facts' },
      ...fact('Conditions and pathways', terms('pathways', d.pathways)), ...fact('Art forms', terms('artforms', d.artforms)),
      ...fact('Districts', terms('districts', d.districts)),
      ...((d.audiences || []).length ? fact('Who it is for', terms('audiences', d.audiences)) : []),
      ...((d.tags || []).length ? fact('Keywords', d.tags.join(', ')) : [])));
  }

  function contact(d) {
    const items = [];
    if (d.website) items.push(h('li', null, 'Website: ' + d.website));
    if (d.publish_contact && d.email) items.push(h('li', null, 'Email: ' + d.email));
    if (d.publish_contact && d.phone) items.push(h('li', null, 'Phone: ' + d.phone));
    return section('contact', 'Contact', h('ul', { className: 'contact' }, ...items),
      items.length > (d.website ? 1 : 0) ? null : h('p', null, d.website ? 'Use the website to get in touch.' : 'Contact details are not published. The network can pass on a message.'));
  }

  function programme(p) {
    const meta = [status(p.status)];
    if (p.format) meta.push(' · ' + label(p.format));
    if (p.cost) meta.push(' · ' + label(p.cost));
    return h('article', { className: 'programme', key: p.id }, h('h3', null, p.title || notStated()),
      h('p', { className: 'card-meta' }, ...meta), p.summary ? h('p', null, p.summary) : null,
      h('dl', { className: 'facts compact' }, ...(p.sessions ? fact('Sessions', p.sessions) : []),
        ...(p.commissioner ? fact('Funded by', p.commissioner) : [])));
  }

  function quality(d) {
    const q = d.quality || {};
    return section('quality', 'Quality and safety', h('dl', { className: 'facts' },
      ...fact('Safeguarding policy', yesno(q.safeguarding_policy)), ...fact('DBS-checked staff', yesno(q.dbs_checked)),
      ...fact('Insurance', yesno(q.insurance)), ...(q.supervision ? fact('Supervision', q.supervision) : [])));
  }

  const ProviderPreview = window.createClass({
    render() {
      const entry = this.props.entry;
      const data = entry && entry.get('data');
      const d = data && typeof data.toJS === 'function' ? data.toJS() : {};
      const programmes = d.programmes || [];
      return h('article', { className: 'profile', 'aria-labelledby': 'profile-title' }, header(d), howToJoin(d), glance(d), contact(d),
        section('about-provider', 'About ' + (d.name || ''), h('div', { className: 'prose' }, this.props.widgetFor('body'))),
        programmes.length ? section('programmes', 'Programmes', ...programmes.map(programme)) : null,
        h('p', { className: 'hint' }, 'Venues and access are edited in the Venues collection.'),
        quality(d),
        h('p', { className: 'reviewed' }, 'Profile last reviewed on ' + date(d.reviewed) + '.'));
    },
  });

  fetch('/admin/labels.json').then((r) => (r.ok ? r.json() : names)).catch(() => names).then((n) => {
    names = n;
    cms.registerPreviewTemplate('providers', ProviderPreview);
  });
})();
