package browser

import "testing"

// oldOrder is the directory's ordering as it was before it selected the
// cut without sorting every key (static/js/directory/order.js at ddd0257):
// the reference the faster one must agree with exactly.
const oldOrder = `
function oldFirstOf(order, limit, key, dir) {
  let keep = order;
  if (order.length > 2 * limit) {
    const keys = Float64Array.from(order, key).sort();
    const cut = dir > 0 ? keys[limit - 1] : keys[keys.length - limit];
    keep = order.filter((d) => (dir > 0 ? key(d) <= cut : key(d) >= cut));
  }
  keep.sort((a, b) => dir * (key(a) - key(b)) || a - b);
  return keep.length > limit ? keep.slice(0, limit) : keep;
}
function oldOrderDocs(index, docs, how, nearest) {
  let order = [];
  for (let d = 0; d < index.size; d++) if (docs.has(d)) order.push(d);
  const total = order.length;
  let distances = null;
  if (how.origin) distances = new Map(order.map((d) => [d, nearest(index.points[d], how.origin.lon, how.origin.lat)]));
  const limit = how.limit ?? Infinity;
  const sort = how.sort;
  if (sort === 'distance' && distances) order = oldFirstOf(order, limit, (d) => distances.get(d), 1);
  else if (sort === 'reviewed') order = oldFirstOf(order, limit, (d) => index.reviewed[d], -1);
  else if (sort === 'relevance' && how.scores) { const s = how.scores; order = oldFirstOf(order, limit, (d) => s[d], -1); }
  else if (order.length > limit) order.length = limit;
  return { order, total };
}`

// TestOrderUnchanged orders random sets of documents, with many ties and
// providers without venues (at an infinite distance), by every sort and
// several page lengths, and checks the directory's ordering gives exactly
// what sorting every key gave.
func TestOrderUnchanged(t *testing.T) {
	base, _ := realSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/")
	bad := Eval[[]string](t, tab, `(async () => {
		const { orderDocs, nearest, nth } = await import('/js/directory/order.js');
		const { Bitset } = await import('/js/directory/bitset.js');
		`+oldOrder+`
		let seed = 7;
		const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		const bad = [];
		for (let c = 0; c < 400 && bad.length < 5; c++) {
			const size = Math.floor(rand() * (c % 4 === 0 ? 3000 : 200));
			const spread = [2, 10, 1000][c % 3];
			const docs = new Bitset(size);
			for (let d = 0; d < size; d++) if (rand() < [0.1, 0.5, 1][c % 3]) docs.add(d);
			const scores = Float32Array.from({ length: size }, () => Math.floor(rand() * spread) / 3);
			const reviewed = Array.from({ length: size }, () => Math.floor(rand() * spread)); // days, always written
			const points = Array.from({ length: size }, () => (rand() < 0.1 ? [] : [-2 + Math.floor(rand() * spread) / 100, 51.5]));
			const index = { size, scores, reviewed, points };
			for (const sort of ['relevance', 'reviewed', 'distance', 'name']) {
				for (const limit of [1, 20, 40, 1000]) {
					const how = { sort, scores, limit, origin: sort === 'distance' ? { lon: -2, lat: 51.5 } : null };
					const got = orderDocs(index, docs, how);
					const want = oldOrderDocs(index, docs, how, nearest);
					if (got.total !== want.total || got.order.join() !== want.order.join()) {
						bad.push(sort + ' size ' + size + ' limit ' + limit + ': ' + got.order.slice(0, 8) + ' want ' + want.order.slice(0, 8));
					}
				}
			}
		}
		for (const [values, k] of [[[3, NaN, 1, 2], 3], [[NaN, NaN], 0], [[-0, 0, 0], 1], [[5, Infinity, -Infinity], 0]]) {
			const want = Float64Array.from(values).sort()[k];
			const got = nth(Float64Array.from(values), k);
			if (!Object.is(got, want) && !(got === 0 && want === 0)) bad.push('nth(' + values + ', ' + k + ') = ' + got + ', want ' + want);
		}
		return bad;
	})()`)
	for _, b := range bad {
		t.Error(b)
	}
}
