// Reads every wire vector with avsc, an Avro implementation independent of Apache Avro for Java:
// parses the Confluent header by hand, decodes the body with the record's released schema
// (../../../../history/<Record>/v1.avsc), checks that the body is consumed exactly, re-encodes the
// decoded value and compares it with the body byte for byte, and prints a few fields to compare
// with SampleRecords by eye.
// Run from this folder:  npm install avsc@5 && node independent-check.js
'use strict';
const fs = require('fs');
const path = require('path');
const avro = require('avsc');

let failures = 0;
for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.json')).sort()) {
  const vector = JSON.parse(fs.readFileSync(path.join(__dirname, file), 'utf8'));
  const bytes = Buffer.from(vector.hex.replace(/ /g, ''), 'hex');
  const magic = bytes[0];
  const id = bytes.readInt32BE(1);
  const body = bytes.subarray(5);
  let schema;
  if (vector.record) {
    const name = vector.record.split('.').pop();
    schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../history', name, 'v1.avsc'), 'utf8'));
  } else {
    schema = vector.schema;
  }
  const type = avro.Type.forSchema(schema);
  let value;
  let again;
  if (type.typeName === 'bytes') {
    value = body; // Confluent writes bytes raw, without a length prefix
    again = body;
  } else {
    value = type.fromBuffer(body); // throws if bytes are left over
    again = type.toBuffer(value);
  }
  const ok = magic === 0 && id === vector.schemaId && again.equals(body) &&
      (vector.record ? true : JSON.stringify(type.typeName === 'bytes' ? value.toString('hex') : value) === JSON.stringify(vector.value));
  if (!ok) failures++;
  const summary = vector.record
      ? Object.entries(value).slice(0, 4).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ')
      : JSON.stringify(type.typeName === 'bytes' ? value.toString('hex') : value);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${file}: magic ${magic}, id ${id}, ${body.length} body bytes; ${summary}`);
}
process.exit(failures === 0 ? 0 : 1);
