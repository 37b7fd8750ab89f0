'use strict';
// A partner agency's client written with code nobody on this project wrote: kafkajs and
// @kafkajs/confluent-schema-registry, used as their own documentation shows, against the exchange's
// schema registry and broker. ThirdPartyClientCompatibilityTest runs it and checks what it did.
//
//   node third-party-client.js <encode|produce|consume|access> <input.json>
//
// The result is one JSON line on stdout; kafkajs's own logging goes to stderr.

const crypto = require('crypto');
const fs = require('fs');
const { Kafka, logLevel, Partitioners } = require('kafkajs');
const { SchemaRegistry, SchemaType, COMPATIBILITY } = require('@kafkajs/confluent-schema-registry');

const TIMEOUT_MS = 30000;

const stderrLogger = () => ({ namespace, level, log }) => {
  const { message, ...extra } = log;
  process.stderr.write(`[kafkajs ${namespace}] ${message} ${JSON.stringify(extra)}\n`);
};

function kafka(input) {
  return new Kafka({
    clientId: 'third-party-client',
    brokers: input.brokers,
    // The broker takes SASL only: { mechanism: 'scram-sha-512', username, password }, as the test gives it.
    sasl: input.sasl,
    logLevel: logLevel.WARN,
    logCreator: stderrLogger,
    retry: { retries: 5 },
  });
}

// Every HTTP call the registry package makes, with the headers it chose, so a run shows how it talks to the registry.
const registryCalls = [];

const recordCalls = () => ({
  response: (next) => {
    const record = (response) => {
      if (response && typeof response.request === 'function') {
        const request = response.request();
        const headers = request.headers();
        registryCalls.push(`${request.method().toUpperCase()} ${new URL(request.url()).pathname} -> ${response.status()}`
          + ` (content-type: ${headers['content-type']}, accept: ${headers.accept})`);
      } else if (response && response.status && response.url) {
        // The package's own error middleware has already turned a refusal into an Error.
        const [method, url] = response.url.split(' ');
        registryCalls.push(`${method.toUpperCase()} ${new URL(url).pathname} -> ${response.status}: ${response.message}`);
      }
      return response;
    };
    return next().then(record, (response) => {
      throw record(response);
    });
  },
});

// Logs in as input.registryAuth ({ username, password }) where given: the package sends it as HTTP Basic.
function registryClient(input) {
  const auth = input.registryAuth ? { auth: input.registryAuth } : {};
  return new SchemaRegistry({ host: input.registryUrl, clientId: 'third-party-client', middlewares: [recordCalls], ...auth });
}

/**
 * Registers the schema under the given subject the way the package documents it, then asks for the id
 * back in each way the package offers. The contract's level is BACKWARD_TRANSITIVE; the package sets a
 * subject's level on first registration (BACKWARD unless told), so it is told.
 */
async function register(registry, subject, schema) {
  const registered = await registry.register(
    { type: SchemaType.AVRO, schema },
    { subject, compatibility: COMPATIBILITY.BACKWARD_TRANSITIVE },
  );
  return {
    subject,
    registeredId: registered.id,
    versionOneId: await registry.getRegistryId(subject, 1),
    latestId: await registry.getLatestSchemaId(subject),
    lookedUpId: await registry.getRegistryIdBySchema(subject, { type: SchemaType.AVRO, schema }),
  };
}

/** Registers each schema and encodes each payload; a second client, with an empty cache, encodes, so the schema it uses is the one the registry serves by id. */
async function encode(input) {
  const results = [];
  for (const item of input.records) {
    const ids = await register(registryClient(input), item.subject, item.schema);
    const encoded = await registryClient(input).encode(ids.registeredId, item.payload);
    results.push({ ...ids, encodedHex: encoded.toString('hex') });
  }
  return { records: results };
}

/**
 * The exchange's signature headers for a value, made with nothing but Node's own crypto from the documented byte string
 * (AUDITING.md, Who sent a message): Ed25519 over the domain, the message id, the sender, the send time and the SHA-256
 * of the value. signing = { keyId, privateKey (base64 PKCS#8), sentAt? }.
 */
function signatureHeaders(signing, messageId, sender, value) {
  const sentAt = signing.sentAt ?? Date.now();
  const key = crypto.createPrivateKey({ key: Buffer.from(signing.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  const u32 = (n) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; };
  const i64 = (n) => { const b = Buffer.alloc(8); b.writeBigInt64BE(BigInt(n)); return b; };
  const signed = Buffer.concat([
    Buffer.from('exchange-message-signature-v1\0', 'ascii'),
    u32(Buffer.byteLength(messageId)), Buffer.from(messageId, 'utf8'),
    u32(Buffer.byteLength(sender)), Buffer.from(sender, 'utf8'),
    i64(sentAt),
    crypto.createHash('sha256').update(value).digest(),
  ]);
  return {
    'exchange-sent-at': String(sentAt),
    'exchange-signature-key': signing.keyId,
    'exchange-signature': crypto.sign(null, signed, key).toString('base64'),
  };
}

/**
 * Registers, encodes and sends one record with the contract's key and headers; signed when input.signing is given.
 * input.flipAfterSigning names ASCII text in the value whose first letter changes case after signing (one bit).
 */
async function produce(input) {
  const [result] = (await encode(input)).records;
  const value = Buffer.from(result.encodedHex, 'hex');
  let headers = input.headers;
  if (input.signing) {
    headers = { ...headers, ...signatureHeaders(input.signing, headers['exchange-message-id'], headers['exchange-sender'], value) };
  }
  if (input.flipAfterSigning) {
    value[value.indexOf(Buffer.from(input.flipAfterSigning, 'ascii'))] ^= 0x20;
  }
  const producer = kafka(input).producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  try {
    await producer.send({
      topic: input.topic,
      acks: -1,
      messages: [{ key: input.key, value, headers }],
    });
  } finally {
    await producer.disconnect();
  }
  return result;
}

/**
 * As an agency that logged in: reads the latest version of a subject the exchange registered, registers the schema
 * that subject already has (answered with its id), then tries to register a schema the registry has never seen,
 * which only an operator may, and reports how it was refused.
 */
async function access(input) {
  const registry = registryClient(input);
  const latestId = await registry.getLatestSchemaId(input.subject);
  const existing = await registry.register(
    { type: SchemaType.AVRO, schema: input.existingSchema },
    { subject: input.subject, compatibility: COMPATIBILITY.BACKWARD_TRANSITIVE },
  );
  let newSchemaRefused = null;
  try {
    await registry.register(
      { type: SchemaType.AVRO, schema: input.newSchema },
      { subject: input.newSubject, compatibility: COMPATIBILITY.BACKWARD_TRANSITIVE },
    );
  } catch (e) {
    newSchemaRefused = { status: e.status, message: e.message };
  }
  return { latestId, registeredId: existing.id, newSchemaRefused };
}

/** Reads the first record of the topic, decodes it through the registry, and encodes the decoded value again. */
async function consume(input) {
  const consumer = kafka(input).consumer({ groupId: input.groupId, maxWaitTimeInMs: 200 });
  const registry = registryClient(input);
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [input.topic], fromBeginning: true });
    return await new Promise((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ message }) => {
            try {
              const value = await registry.decode(message.value);
              const schemaId = message.value.readInt32BE(1);
              const reencoded = await registry.encode(schemaId, value);
              const headers = {};
              for (const [name, header] of Object.entries(message.headers)) {
                headers[name] = header.toString('utf8');
              }
              resolve({
                key: message.key.toString('utf8'),
                headers,
                schemaId,
                value,
                receivedHex: message.value.toString('hex'),
                reencodedHex: reencoded.toString('hex'),
              });
            } catch (e) {
              reject(e);
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}

async function main() {
  const [command, inputFile] = process.argv.slice(2);
  const commands = { encode, produce, consume, access };
  if (!commands[command] || !inputFile) {
    throw new Error('usage: node third-party-client.js <encode|produce|consume|access> <input.json>');
  }
  const input = JSON.parse(fs.readFileSync(inputFile, 'utf8'));
  const timer = setTimeout(() => {
    process.stderr.write(`${command} did not finish within ${TIMEOUT_MS} ms\n`);
    process.exit(3);
  }, TIMEOUT_MS);
  const result = await commands[command](input);
  clearTimeout(timer);
  process.stdout.write(JSON.stringify({ ...result, registryCalls }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\nregistry calls:\n${registryCalls.join('\n')}\n`);
  if (e && e.paths) {
    process.stderr.write(`invalid paths: ${JSON.stringify(e.paths)}\n`);
  }
  process.exit(1);
});
