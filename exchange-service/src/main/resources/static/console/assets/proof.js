// Checks an entry's inclusion proof with the browser's own SHA-256 (Web Crypto), as RFC 6962 hashes a Merkle tree:
// entry hash = SHA-256(entry bytes), leaf hash = SHA-256(0x00 || entry bytes), node = SHA-256(0x01 || left || right).
(function () {
  const hex = (bytes) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
  const fromHex = (text) => Uint8Array.from(text.match(/../g) || [], (h) => parseInt(h, 16));
  const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const sha256 = async (...parts) => {
    const length = parts.reduce((n, p) => n + p.length, 0);
    const all = new Uint8Array(length);
    let at = 0;
    for (const p of parts) { all.set(p, at); at += p.length; }
    return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  };

  // RFC 9162 section 2.1.3.2: the root from a leaf hash and its audit path.
  async function rootFrom(index, size, leafHash, path) {
    let fn = BigInt(index);
    let sn = BigInt(size) - 1n;
    let r = leafHash;
    for (const p of path) {
      if (sn === 0n) { return null; }
      if ((fn & 1n) === 1n || fn === sn) {
        r = await sha256(Uint8Array.of(1), p, r);
        if ((fn & 1n) === 0n) {
          while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
        }
      } else {
        r = await sha256(Uint8Array.of(1), r, p);
      }
      fn >>= 1n;
      sn >>= 1n;
    }
    return sn === 0n ? r : null;
  }

  async function check() {
    const d = document.getElementById('proof').dataset;
    const out = document.getElementById('proof-result');
    const data = fromBase64(d.leafData);
    const entryHash = hex(await sha256(data));
    const leafHash = await sha256(Uint8Array.of(0), data);
    const path = d.auditPath ? d.auditPath.split(',').map(fromHex) : [];
    const root = await rootFrom(d.leafIndex, d.treeSize, leafHash, path);
    const lines = [];
    const entryOk = entryHash === d.entryHash;
    lines.push((entryOk ? 'Matches: ' : 'Does not match: ') + 'entry hash recomputed from the entry bytes, ' + entryHash);
    const leafOk = hex(leafHash) === d.leafHash;
    lines.push((leafOk ? 'Matches: ' : 'Does not match: ') + 'leaf hash, ' + hex(leafHash));
    const rootOk = root !== null && hex(root) === d.root;
    lines.push((rootOk ? 'Matches: ' : 'Does not match: ') + 'root recomputed from the audit path, ' + (root === null ? 'none' : hex(root)));
    const verdict = entryOk && leafOk && rootOk ? 'The proof holds: this entry is in the signed register, unchanged.'
      : 'The proof does NOT hold: this entry is not the one the signed register holds.';
    out.replaceChildren();
    const strong = document.createElement('p');
    strong.className = 'govuk-body govuk-!-font-weight-bold';
    strong.id = 'proof-verdict';
    strong.textContent = verdict;
    out.appendChild(strong);
    const list = document.createElement('ul');
    list.className = 'govuk-list console-hash';
    for (const line of lines) {
      const item = document.createElement('li');
      item.textContent = line;
      list.appendChild(item);
    }
    out.appendChild(list);
  }

  document.addEventListener('DOMContentLoaded', () => {
    const button = document.getElementById('check-proof');
    if (button) {
      button.addEventListener('click', () => check().catch((e) => {
        document.getElementById('proof-result').textContent = 'The proof could not be checked: ' + e.message;
      }));
    }
  });
})();
