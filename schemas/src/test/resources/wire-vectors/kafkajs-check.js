// Checks the record vectors with @kafkajs/confluent-schema-registry, a third-party Confluent-compatible
// client: it fetches each vector's schema by id from a tiny registry served here (the released
// schema in ../../../../history/<Record>/v1.avsc), decodes the vector, re-encodes the decoded value
// with the same id, and must give back exactly the vector's bytes.
// Run from this folder:  npm install @kafkajs/confluent-schema-registry@3.9.0 && node kafkajs-check.js
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const { SchemaRegistry } = require('@kafkajs/confluent-schema-registry');

const vectors = fs.readdirSync(__dirname).filter((f) => f.endsWith('.json')).sort()
    .map((file) => ({ file, ...JSON.parse(fs.readFileSync(path.join(__dirname, file), 'utf8')) }))
    .filter((vector) => vector.record);
const schemasById = new Map(vectors.map((vector) => [vector.schemaId, fs.readFileSync(
    path.join(__dirname, '../../../../history', vector.record.split('.').pop(), 'v1.avsc'), 'utf8')]));

const server = http.createServer((request, response) => {
  const match = /^\/schemas\/ids\/(\d+)$/.exec(request.url);
  const schema = match && schemasById.get(Number(match[1]));
  response.writeHead(schema ? 200 : 404, { 'Content-Type': 'application/vnd.schemaregistry.v1+json' });
  response.end(JSON.stringify(schema ? { schema } : { error_code: 40403, message: 'Schema not found' }));
});

server.listen(0, '127.0.0.1', async () => {
  const registry = new SchemaRegistry({ host: `http://127.0.0.1:${server.address().port}` });
  let failures = 0;
  for (const vector of vectors) {
    const bytes = Buffer.from(vector.hex.replace(/ /g, ''), 'hex');
    try {
      const decoded = await registry.decode(bytes);
      const again = await registry.encode(vector.schemaId, decoded);
      const ok = again.equals(bytes);
      if (!ok) failures++;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${vector.file}: ${Object.values(decoded)[0]}, ${bytes.length} bytes`);
    } catch (e) {
      failures++;
      console.log(`FAIL ${vector.file}: ${e.message}`);
    }
  }
  server.close();
  process.exitCode = failures === 0 ? 0 : 1;
});
