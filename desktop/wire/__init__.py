"""The sync protocol's records, defined once for the platform and the client.

Every body that crosses the wire is a pydantic model here: the platform validates requests
and serializes answers with them (and its OpenAPI schema is generated from them); the client
parses the platform's answers with them. Nothing else spells out a field list of the wire.

Modules: `base` (field types, parsing with a path), `records` (what syncs), `sync` (push),
`reference` (sessions and reference data), `payloads` (action payloads), `reporter` (a
commission user's reveal of a masked reporter), and `text` (what the stores share without
pydantic).
"""
