// Uses graphql-request and graphql-js exactly as an application, GraphiQL or a code generator
// would, against lineage-service at GRAPHQL_URL with the bearer token TOKEN: the standard
// introspection query, the seed's lineage query for DATASET, and a call without a token. Prints one
// JSON line with what it observed; exits non-zero on any failure.
import { GraphQLClient, ClientError, gql } from 'graphql-request'
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql'
import assert from 'node:assert/strict'

const url = process.env.GRAPHQL_URL
const client = new GraphQLClient(url, { headers: { Authorization: `Bearer ${process.env.TOKEN}` } })

const introspection = await client.request(getIntrospectionQuery())
const schema = buildClientSchema(introspection)
assert.ok(schema.getType('Dataset'), 'the introspected schema has the Dataset type')
const sdl = printSchema(schema)

// The seed's query, as written there.
const seed = await client.request(gql`
  query {
    dataset(name: "${process.env.DATASET}") {
      upstream {
        name
        lastUpdated
      }
      downstream {
        name
        usageType
      }
    }
  }
`)

let unauthenticated = null
try {
  await new GraphQLClient(url).request(gql`{ dataset(name: "x") { name } }`)
} catch (e) {
  assert.ok(e instanceof ClientError, 'a refused request is a ClientError')
  unauthenticated = { status: e.response.status, body: e.response.error ?? e.response.body ?? null }
}

console.log(JSON.stringify({
  types: Object.keys(schema.getTypeMap()).length,
  hasAliases: sdl.includes('aliases'),
  seed,
  unauthenticated,
}))
