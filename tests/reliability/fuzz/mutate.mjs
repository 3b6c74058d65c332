// Mutations of one recorded Teams payload, deterministic for a seed. Each returns the bytes to POST and its kind.
// URLs in the payload were already pointed at the local fake; no mutation writes bytes inside them, so a flipped
// byte can never turn one into an address off this machine.

export function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; };
}

const pick = (r, list) => list[Math.floor(r() * list.length)];
const int = (r, n) => Math.floor(r() * n);

/** Every [container, key] pair in the JSON tree, for mutations that change one place. */
function places(node, out = []) {
  if (node && typeof node === 'object') {
    for (const key of Object.keys(node)) {
      out.push([node, key]);
      places(node[key], out);
    }
  }
  return out;
}

const isUrl = (v) => typeof v === 'string' && /^https?:/i.test(v);
const wrongValues = [0, -1, 1e308, true, false, null, [], {}, '', 'true', [null], { id: null }, '\u0000', 'x'.repeat(2000)];

function nested(depth) {
  let v = 'deep';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Byte ranges of URL strings in the serialized text: left untouched by byte-level mutations. */
function protectedRanges(text) {
  const ranges = [];
  const re = /"https?:[^"]*"/gi;
  let m;
  while ((m = re.exec(text))) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

function safeOffsets(buf, text) {
  const ranges = protectedRanges(text).map(([a, b]) => [Buffer.byteLength(text.slice(0, a)), Buffer.byteLength(text.slice(0, b))]);
  return (offset) => !ranges.some(([a, b]) => offset >= a && offset < b);
}

/** Inside some string value that is not a URL: the offset just after its opening quote. */
function stringSpot(r, text) {
  const spots = [];
  const re = /:\s*"([^"\\]|\\.)*"/g;
  let m;
  while ((m = re.exec(text))) {
    const quote = m.index + m[0].indexOf('"');
    if (!/^"https?:/i.test(text.slice(quote, quote + 7))) spots.push(quote + 1);
  }
  return spots.length ? pick(r, spots) : null;
}

export const kinds = ['byteFlip', 'invalidUtf8', 'loneSurrogate', 'nullInArray', 'wrongType', 'hugeString', 'deepNesting', 'removeField', 'duplicateKey', 'combined'];

export function mutate(base, r, kind = pick(r, kinds)) {
  const tree = structuredClone(base);
  const all = places(tree);
  switch (kind) {
    case 'nullInArray': {
      const arrays = all.filter(([o, k]) => Array.isArray(o[k]));
      if (arrays.length) { const [o, k] = pick(r, arrays); o[k].splice(int(r, o[k].length + 1), 0, null); }
      else tree[pick(r, ['entities', 'attachments', 'membersAdded'])] = [null];
      return { kind, bytes: Buffer.from(JSON.stringify(tree)) };
    }
    case 'wrongType': {
      const targets = all.filter(([o, k]) => !isUrl(o[k]));
      for (let i = 0; i <= int(r, 3); i++) { const [o, k] = pick(r, targets.length ? targets : [[tree, 'type']]); o[k] = structuredClone(pick(r, wrongValues)); }
      return { kind, bytes: Buffer.from(JSON.stringify(tree)) };
    }
    case 'hugeString': {
      const strings = all.filter(([o, k]) => typeof o[k] === 'string' && !isUrl(o[k]));
      const [o, k] = strings.length ? pick(r, strings) : [tree, 'text'];
      // Mostly tens to hundreds of KB; one in ten over the 4 MiB body limit.
      const size = r() < 0.1 ? 4_300_000 : 10_000 + int(r, 600_000);
      o[k] = pick(r, ['x', '文', '😀']).repeat(Math.ceil(size / 3));
      return { kind, bytes: Buffer.from(JSON.stringify(tree)) };
    }
    case 'deepNesting': {
      const [o, k] = all.length ? pick(r, all) : [tree, 'value'];
      o[k] = nested(10 + int(r, 300));
      return { kind, bytes: Buffer.from(JSON.stringify(tree)) };
    }
    case 'removeField': {
      for (let i = 0; i <= int(r, 3) && all.length; i++) { const [o, k] = pick(r, all); if (Array.isArray(o)) o.splice(Number(k), 1); else delete o[k]; }
      return { kind, bytes: Buffer.from(JSON.stringify(tree)) };
    }
    case 'duplicateKey': {
      const text = JSON.stringify(tree);
      const keys = [...text.matchAll(/"([A-Za-z]+)":/g)].map((m) => m[1]);
      const key = keys.length ? pick(r, keys) : 'type';
      const value = JSON.stringify(pick(r, wrongValues.concat(['invoke', 'message', 'a:other'])));
      // Repeat the key at the start of the outer object: JSON parsers keep one of the two values.
      return { kind, bytes: Buffer.from(`{"${key}":${value},` + text.slice(1)) };
    }
    case 'invalidUtf8':
    case 'loneSurrogate': {
      const text = JSON.stringify(tree);
      const at = stringSpot(r, text) ?? 1;
      const raw = kind === 'invalidUtf8' ? Buffer.from(pick(r, [[0xff], [0xed, 0xa0, 0x80], [0xc3], [0xf8, 0x88, 0x80, 0x80, 0x80]])) : Buffer.from(pick(r, ['\\ud800', '\\udfff', '\\ud83d x']));
      const head = Buffer.from(text.slice(0, at));
      return { kind, bytes: Buffer.concat([head, raw, Buffer.from(text.slice(at))]) };
    }
    case 'combined': {
      const first = mutate(base, r, pick(r, ['nullInArray', 'wrongType', 'removeField', 'deepNesting']));
      let json;
      try { json = JSON.parse(first.bytes.toString()); } catch { return first; }
      const second = mutate(json, r, pick(r, ['byteFlip', 'invalidUtf8', 'loneSurrogate', 'duplicateKey', 'nullInArray']));
      return { kind, bytes: second.bytes };
    }
    default: {
      const text = JSON.stringify(tree);
      const bytes = Buffer.from(text);
      const safe = safeOffsets(bytes, text);
      for (let i = 0, n = 1 + int(r, 4); i < n; i++) {
        const at = int(r, bytes.length);
        if (safe(at)) bytes[at] = int(r, 256);
      }
      return { kind: 'byteFlip', bytes };
    }
  }
}
