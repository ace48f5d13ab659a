import Type from 'typebox';
import { bundleFormat } from '../../sync/bundle.ts';
import { DateTime, Enum, Id, Nullable } from './common.ts';

// corridor-bundle/1 (docs/bundles.md, published as docs/bundle-file.schema.json) and the device
// enrolment that comes before it.

const base64url = (description: string, maxLength: number) =>
  Type.String({ pattern: '^[A-Za-z0-9_-]+$', minLength: 1, maxLength, description });

/** The most operations one bundle may carry: a week offline of a busy team, with room. */
export const maxBundleOps = 10_000;

export const BundleFile = Type.Object(
  {
    format: Enum([bundleFormat]),
    deviceId: Id,
    createdAt: DateTime,
    opCount: Type.Integer({ minimum: 1, maximum: maxBundleOps }),
    firstSeq: Type.Integer({ minimum: 1, description: 'seq of the first operation in the bundle' }),
    lastSeq: Type.Integer({ minimum: 1, description: 'seq of the last; the ones between have no hole' }),
    nonce: base64url('the 12-byte AES-GCM nonce', 16),
    ciphertext: base64url(
      'AES-256-GCM under the device’s bundle key of {"protocol":"corridor-sync/1","ops":[…]}, tag appended; the clear fields are its associated data',
      16_000_000,
    ),
    signature: base64url('Ed25519 signature by the device over every other field', 86),
  },
  { additionalProperties: false, title: 'corridor-bundle/1' },
);

export const EnrolBody = Type.Object(
  {
    deviceId: Type.String({ format: 'uuid', description: 'the id the device chose once' }),
    publicKey: base64url('the 32 raw bytes of the Ed25519 public key made on the device', 43),
  },
  { additionalProperties: false },
);

export const Enrolment = Type.Object({
  format: Enum([bundleFormat]),
  deviceId: Id,
  userId: Id,
  publicKey: Type.String(),
  bundleKey: Type.String({ description: 'AES-256-GCM key for the device’s bundles, 32 bytes in base64url' }),
  enrolledAt: DateTime,
});

const Outcome = Type.Union([
  Type.Literal('applied'),
  Type.Literal('conflict'),
  Type.Literal('rejected'),
  Type.Literal('gap'),
]);

export const BundleImport = Type.Object({
  format: Enum([bundleFormat]),
  deviceId: Id,
  opCount: Type.Integer(),
  firstSeq: Type.Integer(),
  lastSeq: Type.Integer(),
  summary: Type.Object({
    applied: Type.Integer(),
    conflict: Type.Integer(),
    rejected: Type.Integer(),
    duplicate: Type.Integer({
      description: 'received before (pushed online or in a bundle): no second effect',
    }),
    gap: Type.Integer(),
  }),
  deviceLastSeq: Type.Integer({ description: 'the last of the device’s operations the server now holds' }),
  gap: Nullable(
    Type.Object({
      expectedSeq: Type.Integer(),
      message: Type.String(),
    }),
  ),
  results: Type.Array(
    Type.Object({
      opId: Id,
      seq: Type.Integer(),
      outcome: Outcome,
      duplicate: Type.Boolean(),
      expectedSeq: Type.Optional(Type.Integer()),
      error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
    }),
  ),
});

/**
 * The bundle file's JSON Schema as published in docs/bundle-file.schema.json (scripts/write-schemas.ts),
 * for tools that make or check bundles; the JSON round trip drops TypeBox's own markers.
 */
export const bundleFileSchema: Readonly<Record<string, unknown>> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  ...(JSON.parse(JSON.stringify(BundleFile)) as Record<string, unknown>),
};
