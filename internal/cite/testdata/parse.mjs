// Parses a BibTeX, RIS or CSL-JSON file with citation-js and prints what a
// reference manager would import: key, CSL type, authors, title, year and DOI.
// Usage: node parse.mjs FILE
import { readFileSync } from 'node:fs'
import { Cite } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'

const text = readFileSync(process.argv[2], 'utf8')
const file = process.argv[2]
const [input, forceType] = file.endsWith('.json') ? [JSON.parse(text), '@csl/list+object']
  : file.endsWith('.ris') ? [text, '@ris/file'] : [text, '@bibtex/text']
const items = new Cite(input, { forceType }).data.map((it) => ({
  key: it['citation-key'] || (it.id && !String(it.id).startsWith('temp_id') ? it.id : ''),
  type: it.type,
  authors: (it.author || []).map((a) => (a.literal ? { literal: a.literal } : { family: a.family, given: a.given || '' })),
  title: it.title,
  year: it.issued ? it.issued['date-parts'][0][0] : 0,
  container: it['container-title'] || '',
  doi: it.DOI || '',
}))
process.stdout.write(JSON.stringify(items))
