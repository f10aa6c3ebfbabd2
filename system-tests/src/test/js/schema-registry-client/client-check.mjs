// Uses @kafkajs/confluent-schema-registry exactly as a Kafka application would, against the
// registry at REGISTRY_URL with HTTP Basic (a Keycloak client's id and secret). Prints one JSON
// line with what it observed; exits non-zero on any failure.
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry'
import assert from 'node:assert/strict'

const registry = new SchemaRegistry({
  host: process.env.REGISTRY_URL,
  auth: { username: process.env.CLIENT_ID, password: process.env.CLIENT_SECRET },
})
const prefix = process.env.SUBJECT_PREFIX

const avroSubject = `${prefix}-avro-value`
const avsc = JSON.stringify({
  type: 'record', name: 'Customer', namespace: 'io.meshwork.demo',
  fields: [{ name: 'id', type: 'string' }, { name: 'segment', type: 'string' }],
})
const { id: avroId } = await registry.register({ type: SchemaType.AVRO, schema: avsc }, { subject: avroSubject })
const again = await registry.register({ type: SchemaType.AVRO, schema: avsc }, { subject: avroSubject })
assert.equal(again.id, avroId, 'registering twice returns the same id')
assert.equal(await registry.getLatestSchemaId(avroSubject), avroId)
const avroMessage = { id: 'c-1', segment: 'gold' }
const avroBytes = await registry.encode(avroId, avroMessage)
assert.equal(avroBytes[0], 0, 'magic byte')
assert.equal(avroBytes.readInt32BE(1), avroId, 'schema id in the wire format')
assert.deepEqual({ ...(await registry.decode(avroBytes)) }, avroMessage)

const jsonSubject = `${prefix}-json-value`
const jsonSchema = JSON.stringify({
  type: 'object',
  properties: { id: { type: 'string' }, score: { type: 'number' } },
  required: ['id'],
  additionalProperties: false,
})
const { id: jsonId } = await registry.register({ type: SchemaType.JSON, schema: jsonSchema }, { subject: jsonSubject })
assert.equal(await registry.getLatestSchemaId(jsonSubject), jsonId)
const jsonMessage = { id: 'c-2', score: 0.75 }
const jsonBytes = await registry.encode(jsonId, jsonMessage)
assert.deepEqual(await registry.decode(jsonBytes), jsonMessage)
await assert.rejects(registry.encode(jsonId, { score: 1 }), 'a message without the required id is refused')

// A fresh client instance has no cache: decode must fetch the schema by id from the registry.
const fresh = new SchemaRegistry({
  host: process.env.REGISTRY_URL,
  auth: { username: process.env.CLIENT_ID, password: process.env.CLIENT_SECRET },
})
assert.deepEqual({ ...(await fresh.decode(avroBytes)) }, avroMessage)

// Subjects of Confluent's three naming strategies, registered with the same Basic credentials: each
// belongs to the client's domain (its record names start with com., which is no domain).
const suffix = process.env.SUBJECT_SUFFIX
const recordNamespace = `com.acme.orders${suffix}`
const placed = JSON.stringify({
  type: 'record', name: 'OrderPlaced', namespace: recordNamespace,
  fields: [{ name: 'orderId', type: 'string' }],
})
const strategySubjects = [
  `orders${suffix}-value`,
  `${recordNamespace}.OrderPlaced`,
  `orders${suffix}-${recordNamespace}.OrderPlaced`,
]
const strategyIds = []
for (const subject of strategySubjects) {
  const { id } = await registry.register({ type: SchemaType.AVRO, schema: placed }, { subject })
  strategyIds.push(id)
}
assert.equal(new Set(strategyIds).size, 1, 'the same schema under three subjects shares its id')

// References: Customer names Address from another subject; a client without a cache resolves the
// reference itself from the schema text as registered.
const addressSubject = `${recordNamespace}.Address`
const address = JSON.stringify({
  type: 'record', name: 'Address', namespace: recordNamespace,
  fields: [{ name: 'street', type: 'string' }],
})
await registry.register({ type: SchemaType.AVRO, schema: address }, { subject: addressSubject })
const withAddress = JSON.stringify({
  type: 'record', name: 'Shipment', namespace: recordNamespace,
  fields: [{ name: 'orderId', type: 'string' }, { name: 'to', type: `${recordNamespace}.Address` }],
})
const { id: shipmentId } = await registry.register(
  {
    type: SchemaType.AVRO,
    schema: withAddress,
    references: [{ name: `${recordNamespace}.Address`, subject: addressSubject, version: 1 }],
  },
  { subject: `shipments${suffix}-value` },
)
const shipment = { orderId: 'o-1', to: { street: 'Jalan Sudirman 1' } }
const shipmentBytes = await registry.encode(shipmentId, shipment)
const resolving = new SchemaRegistry({
  host: process.env.REGISTRY_URL,
  auth: { username: process.env.CLIENT_ID, password: process.env.CLIENT_SECRET },
})
assert.deepEqual(JSON.parse(JSON.stringify(await resolving.decode(shipmentBytes))), shipment)

// PROTOBUF with an import as a reference. The client writes magic byte, id and message; Confluent's
// serializers put the message indexes between the id and the message ([0], the first message, is
// the single byte 0). A record framed that way decodes too (the client skips the index byte).
const crmSubject = `${prefix}-crm-value`
const customerProto = 'syntax = "proto3";\npackage crm;\nmessage Customer {\n  string name = 1;\n}\n'
await registry.register({ type: SchemaType.PROTOBUF, schema: customerProto }, { subject: crmSubject })
const orderProto = [
  'syntax = "proto3";',
  'package shop;',
  'import "crm/customer.proto";',
  'message Order {',
  '  string id = 1;',
  '  int32 quantity = 2;',
  '  crm.Customer customer = 3;',
  '}',
].join('\n')
const protoSubject = `${prefix}-proto-value`
const { id: protoId } = await registry.register(
  {
    type: SchemaType.PROTOBUF,
    schema: orderProto,
    references: [{ name: 'crm/customer.proto', subject: crmSubject, version: 1 }],
  },
  { subject: protoSubject },
)
assert.equal(await registry.getLatestSchemaId(protoSubject), protoId)
const order = { id: 'o-1', quantity: 3, customer: { name: 'Ada' } }
const protoBytes = await registry.encode(protoId, order)
assert.equal(protoBytes.readInt32BE(1), protoId, 'schema id in the wire format')
const protoReader = new SchemaRegistry({
  host: process.env.REGISTRY_URL,
  auth: { username: process.env.CLIENT_ID, password: process.env.CLIENT_SECRET },
})
assert.deepEqual(JSON.parse(JSON.stringify(await protoReader.decode(protoBytes))), order)
const confluentFramed = Buffer.concat([protoBytes.subarray(0, 5), Buffer.from([0]), protoBytes.subarray(5)])
assert.deepEqual(JSON.parse(JSON.stringify(await protoReader.decode(confluentFramed))), order)

let refused = null
try {
  await new SchemaRegistry({
    host: process.env.REGISTRY_URL,
    auth: { username: process.env.CLIENT_ID, password: 'wrong-secret' },
  }).getLatestSchemaId(avroSubject)
} catch (e) {
  refused = e.status
}
assert.equal(refused, 401, 'a wrong secret is refused')

console.log(JSON.stringify({
  avroSubject, avroId, jsonSubject, jsonId, wrongSecretStatus: refused, strategySubjects, shipmentId,
  protoSubject, protoId, protoHex: protoBytes.toString('hex'), confluentHex: confluentFramed.toString('hex'),
}))
